import middy from '@middy/core';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import { METRIC } from '@vfc/shared';
import { recordValue } from '../adapters/metrics/powertools-metrics.js';
import { runAgentMaintenance } from '../app/agents/run-agent-maintenance.js';
import { agentDependencies } from '../composition/agents.js';
import { clinicsKnowledgeDrift } from '../composition/knowledge-audit.js';
import { vapiRegistryDependencies } from '../composition/vapi-registry.js';

/** What the recurring schedule's invocation returns (also visible in the Lambda console). */
export interface AgentSyncResult {
  ok: boolean;
  healthScore: number;
  totals: Record<string, number>;
}

/**
 * The recurring EventBridge Scheduler target (every 6 hours; any input is ignored): syncs the agent registry with
 * Retell and the Vapi clinics' assistants with Vapi, audits both and the clinics' knowledge bases, logs the reports and emits the health score as the `AgentHealthScore` metric (the stack alarms
 * below 70). A Retell outage is not thrown (the registry stays as it was and the score says so); a DynamoDB error is:
 * Lambda retries the asynchronous run twice, then records it in the on-failure queue (`<prefix>-async-failures`).
 * Needs: table read/write, the Retell API key secret (read).
 */
export const handler = middy<unknown, AgentSyncResult>().use(lambdaContextLogging()).use(invocationMetrics()).handler(async () => {
  const deps = agentDependencies();
  const { sync, audit } = await runAgentMaintenance(deps, { tag: process.env.RETELL_AGENT_TAG || undefined, knowledgeDrift: clinicsKnowledgeDrift() }, vapiRegistryDependencies());
  recordValue(METRIC.agentHealthScore, audit.healthScore);
  deps.logger.info('agent sync and audit', {
    ok: sync.ok,
    totals: sync.totals,
    errors: sync.errors.map((e) => e.reason),
    healthScore: audit.healthScore,
    discrepancies: audit.discrepancies.map((d) => `${d.kind}:${d.agentId}${d.clinicId ? `@${d.clinicId}` : ''}`),
  });
  return { ok: sync.ok, healthScore: audit.healthScore, totals: sync.totals };
});
