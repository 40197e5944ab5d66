import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, SERVICE_NAME } from '@vfc/shared';
import { powertoolsLogger } from '../logging/powertools-logger.js';
import type { AppMetrics } from '../../ports/metrics.js';

/**
 * Where Metrics' own diagnostics go: the structured logger (so they carry the request id). Its note that an invocation
 * stored no metrics — the normal case for most API requests — is debug, not a warning on every request.
 */
const diagnostics = {
  debug: (...args: unknown[]) => powertoolsLogger.debug(String(args[0])),
  info: (...args: unknown[]) => powertoolsLogger.info(String(args[0])),
  warn: (...args: unknown[]) =>
    String(args[0]).startsWith('No application metrics to publish') ? powertoolsLogger.debug(String(args[0])) : powertoolsLogger.warn(String(args[0])),
  error: (...args: unknown[]) => powertoolsLogger.error(String(args[0])),
};

/** CloudWatch metrics as EMF log lines (Powertools Metrics): no API call, no extra IAM permission. */
export const metrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
  logger: diagnostics,
});

/**
 * Stores one count of `name`; the handler's `invocationMetrics` middleware flushes all of an invocation's metrics once,
 * when it ends (Powertools also flushes by itself once 100 metrics are stored, e.g. in the long-running local stack).
 */
export function countMetric(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/** The {@link AppMetrics} port on Powertools Metrics. */
export const appMetrics: AppMetrics = {
  count: countMetric,
  gauge: (name, value, unit) => metrics.addMetric(name, MetricUnit[unit === 'None' ? 'NoUnit' : unit], value),
};

/** Stores a gauge-like value (e.g. the agent health score, unit none), flushed with the invocation's other metrics. */
export function recordValue(name: string, value: number): void {
  metrics.addMetric(name, MetricUnit.NoUnit, value);
}
