import { describe, expect, it } from 'vitest';
import type { AgentDiscrepancy } from '@vfc/shared';
import { healthScore } from './health-score.js';

const d = (kind: AgentDiscrepancy['kind']): AgentDiscrepancy => ({ kind, agentId: 'x', detail: '' });

describe('healthScore', () => {
  it.each([
    [[], 3, 100],
    [[d('clinic_agent_not_active')], 3, 70],
    [[d('orphaned'), d('orphaned'), d('duplicate')], 3, 75],
    [[d('voice_mismatch'), d('missing_in_registry'), d('retell_unreachable')], 1, 70],
    [Array.from({ length: 5 }, () => d('clinic_agent_not_active')), 2, 0],
    [[], 0, 0],
    [[d('managed_fields_drift'), d('vapi_unreachable')], 1, 75],
  ] as const)('%j with %i active agents → %i', (found, active, score) => {
    expect(healthScore([...found], active)).toBe(score);
  });
});

