import type { ServerResponse } from 'node:http';
import { sendJson } from '../emulator-kit/http-server.js';

/** The EventBridge Scheduler error shapes the emulator produces (name = `x-amzn-errortype`). */
export type AwsErrorType =
  | 'ConflictException'
  | 'ResourceNotFoundException'
  | 'ValidationException'
  | 'UnknownOperationException';

const STATUS: Record<AwsErrorType, number> = {
  ConflictException: 409,
  ResourceNotFoundException: 404,
  ValidationException: 400,
  UnknownOperationException: 404,
};

/** An error to answer as AWS does: HTTP status, `x-amzn-errortype` header, body `{__type, Message}`. */
export class AwsError extends Error {
  constructor(
    readonly type: AwsErrorType,
    message: string,
  ) {
    super(message);
  }

  /** The HTTP status AWS uses for this error type. */
  get status(): number {
    return STATUS[this.type];
  }
}

/** Writes `error` in the restJson1 error format @aws-sdk/client-scheduler parses into typed exceptions. */
export function sendAwsError(res: ServerResponse, error: AwsError): void {
  sendJson(res, error.status, { __type: error.type, Message: error.message }, { 'x-amzn-errortype': error.type });
}
