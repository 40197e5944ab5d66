import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { metrics } from './powertools-metrics.js';

/**
 * The middy middleware every handler uses: Powertools `logMetrics`, which flushes the metrics the invocation stored
 * as ONE EMF log line when the handler returns or throws (nothing is written for an invocation that stored none).
 * Source: https://docs.powertools.aws.dev/lambda/typescript/latest/core/metrics/#middy-middleware
 * (`@aws-lambda-powertools/metrics` 2.36.0).
 */
export function invocationMetrics() {
  return logMetrics(metrics);
}
