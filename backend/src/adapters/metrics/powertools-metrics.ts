import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, SERVICE_NAME } from '@vfc/shared';
import type { AppMetrics } from '../../ports/metrics.js';

/** CloudWatch metrics as EMF log lines (Powertools Metrics): no API call, no extra IAM permission. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME });

/** Emits one count of `name` now (flushed immediately, so it is never lost with the invocation). */
export function countMetric(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
}

/** The {@link AppMetrics} port on Powertools Metrics. */
export const appMetrics: AppMetrics = { count: countMetric };

/** Emits a gauge-like value (e.g. the agent health score, unit none). */
export function recordValue(name: string, value: number): void {
  metrics.addMetric(name, MetricUnit.NoUnit, value);
  metrics.publishStoredMetrics();
}
