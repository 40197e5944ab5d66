import { describe, expect, it } from 'vitest';
import { failedRunOf } from './failed-runs.js';

const DIALER = 'arn:aws:lambda:us-east-1:123456789012:function:vfc-prod-dialer';

describe('failedRunOf', () => {
  it("reads Lambda's on-failure record: the unqualified function and the original event", () => {
    const body = JSON.stringify({
      version: '1.0',
      requestContext: { requestId: 'r1', functionArn: `${DIALER}:$LATEST`, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { callId: 'c1', attempt: 2 },
      responsePayload: { errorMessage: 'boom' },
    });
    expect(failedRunOf({ body, attributes: {} })).toEqual({ functionArn: DIALER, payload: '{"callId":"c1","attempt":2}', reason: 'RetriesExhausted' });
  });

  it("reads Scheduler's dead letter: the target from TARGET_ARN, the body as the event", () => {
    const body = '{"callId":"c1","attempt":1}';
    expect(failedRunOf({ body, attributes: { TARGET_ARN: DIALER, ERROR_CODE: 'AWS.Lambda.TooManyRequestsException' } })).toEqual({
      functionArn: DIALER,
      payload: body,
      reason: 'AWS.Lambda.TooManyRequestsException',
    });
  });

  it('refuses a message that is neither', () => {
    expect(() => failedRunOf({ body: 'hello', attributes: {} })).toThrow('Not a failure record: the body is not JSON');
    expect(() => failedRunOf({ body: '{"a":1}', attributes: {} })).toThrow('no requestContext.functionArn');
  });
});
