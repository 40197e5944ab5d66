import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiError } from '@vfc/shared';

/** A JSON answer (API Gateway HTTP API v2 payload format). */
export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** An error answer in the API's one error shape `{error, message, issues?}`. */
export function errorResponse(statusCode: number, body: ApiError): APIGatewayProxyStructuredResultV2 {
  return json(statusCode, body);
}
