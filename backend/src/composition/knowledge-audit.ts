import type { AgentDiscrepancy, Clinic } from '@vfc/shared';
import { knowledgeDrift } from '../app/knowledge/knowledge-drift.js';
import { createKnowledgeDriftDependencies } from './knowledge.js';

/**
 * The clinics' knowledge-base drift, as the agent audit takes it (`AuditAgentsOptions.knowledgeDrift`): read-only,
 * over the clinics the audit already read, with the knowledge store and each clinic's provider from the environment
 * (built on first call). Used by `GET /agents/audit` and the recurring sync-and-audit alike.
 */
export function clinicsKnowledgeDrift(env: NodeJS.ProcessEnv = process.env): (clinics: readonly Clinic[]) => Promise<AgentDiscrepancy[]> {
  return (clinics) => knowledgeDrift(createKnowledgeDriftDependencies(env), clinics);
}
