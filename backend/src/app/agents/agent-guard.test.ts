import type { RegistryAgent } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import type { AgentRegistry } from '../../ports/agent-registry.js';
import { demoClinic } from '../../local/seed-demo.js';
import { AppError } from '../errors.js';
import { assertClinicAgentUsable } from './agent-guard.js';

/** A registry that knows one agent, orphaned (the guard only reads it). */
const orphanedRegistry = {
  get: async (agentId: string) =>
    ({ agentId, agentName: 'Old', version: 1, isPublished: true, lastModificationTimestamp: 0, lastSyncedAt: '2026-12-01T00:00:00.000Z', syncStatus: 'orphaned', statusReason: 'deleted in Retell', tags: [] }) satisfies RegistryAgent,
} as unknown as AgentRegistry;

const clinic = demoClinic('America/New_York');

describe('assertClinicAgentUsable', () => {
  it('a Retell clinic whose agent the registry knows as orphaned is refused with 409 agent_unavailable', async () => {
    const refused = await assertClinicAgentUsable({ agentRegistry: orphanedRegistry }, clinic).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 409, code: 'agent_unavailable' });
  });

  it("a Vapi clinic with its assistant is allowed whatever the Retell registry says of its old agent", async () => {
    const vapi = { ...clinic, voice: { provider: 'vapi' as const, account: 'platform' as const, status: 'ok' as const, agentId: 'asst-1' } };
    await expect(assertClinicAgentUsable({ agentRegistry: orphanedRegistry }, vapi)).resolves.toBeUndefined();
  });

  it('a Vapi clinic without an assistant yet is refused, saying an admin must save the voice settings', async () => {
    const vapi = { ...clinic, voice: { provider: 'vapi' as const, account: 'platform' as const, status: 'ok' as const } };
    const refused = await assertClinicAgentUsable({ agentRegistry: orphanedRegistry }, vapi).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'agent_unavailable', message: expect.stringMatching(/save the clinic's voice settings/) });
  });

  it('a clinic on its own Retell workspace with its agent there is allowed whatever the platform registry says', async () => {
    const own = { ...clinic, voice: { provider: 'retell' as const, account: 'clinic' as const, status: 'ok' as const, agentId: 'agent-own' } };
    await expect(assertClinicAgentUsable({ agentRegistry: orphanedRegistry }, own)).resolves.toBeUndefined();
  });

  it('a clinic on its own Retell workspace without an agent there yet is refused, saying an admin must save the voice settings', async () => {
    const own = { ...clinic, voice: { provider: 'retell' as const, account: 'clinic' as const, status: 'ok' as const } };
    const refused = await assertClinicAgentUsable({ agentRegistry: orphanedRegistry }, own).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'agent_unavailable', message: expect.stringMatching(/own Retell workspace .* save the clinic's voice settings/) });
  });
});
