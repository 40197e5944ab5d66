import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from '@vfc/shared/zod';
import { toValidationIssues } from '@vfc/shared';
import { AppError } from '../../app/errors.js';
import { appLogger } from '../../adapters/logging/powertools-logger.js';
import { errorResponse } from './responses.js';

/**
 * middy `onError`: AppError → its status and code; ZodError → 400 `validation_error` with field paths;
 * anything else → 500 `internal_error` (logged without the request body, which may hold personal data).
 */
export function apiErrors(): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const error = request.error;
      if (error instanceof AppError) {
        request.response = errorResponse(error.status, {
          error: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
          ...error.details,
        });
        return;
      }
      if (error instanceof z.ZodError) {
        const issues = toValidationIssues(error);
        request.response = errorResponse(400, {
          error: 'validation_error',
          message: `Invalid request: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
          issues,
        });
        return;
      }
      appLogger.error('unhandled error', { name: error?.name, message: error?.message, route: request.event.routeKey });
      request.response = errorResponse(500, { error: 'internal_error', message: 'Something went wrong on our side. Please try again.' });
    },
  };
}
