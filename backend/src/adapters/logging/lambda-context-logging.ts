import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { powertoolsLogger } from './powertools-logger.js';

/**
 * The middy middleware every handler uses first: Powertools `injectLambdaContext`, so each log line of the invocation
 * carries the request id (`function_request_id`), `cold_start`, the function name and memory size.
 * Source: https://docs.powertools.aws.dev/lambda/typescript/latest/core/logger/#capturing-lambda-context-info
 */
export function lambdaContextLogging() {
  return injectLambdaContext(powertoolsLogger);
}
