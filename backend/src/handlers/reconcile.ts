import middy from '@middy/core';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { invocationMetrics } from '../adapters/metrics/invocation-metrics.js';
import { reconcileCalls, reconcileOptionsFromEnv, type ReconcileReport } from '../app/reconcile/reconcile-calls.js';
import { dependencies } from '../composition.js';

/**
 * The recurring reconciler (EventBridge Scheduler, `RECONCILE_SCHEDULE_EXPRESSION`): resolves calls stuck by a crash
 * or a lost webhook and frees slots nobody will release. Its input is ignored. Returns counts only (no personal data).
 */
export const handler = middy<unknown, Pick<ReconcileReport, 'checked' | 'slotsFreed'> & { resolved: number }>().use(lambdaContextLogging()).use(invocationMetrics()).handler(async () => {
  const report = await reconcileCalls(dependencies(), reconcileOptionsFromEnv());
  return { checked: report.checked, resolved: report.actions.length, slotsFreed: report.slotsFreed };
});
