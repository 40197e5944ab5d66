import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaContextLogging } from './lambda-context-logging.js';
import { appLogger } from './powertools-logger.js';

afterEach(() => vi.restoreAllMocks());

describe('lambdaContextLogging', () => {
  it('puts the request id and cold start into every log line of the invocation', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const handler = middy<unknown, void>()
      .use(lambdaContextLogging())
      .handler(async () => appLogger.info('inside', { callId: 'c-1' }));
    const context = { awsRequestId: 'req-123', functionName: 'dialer', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:dialer', memoryLimitInMB: '512', functionVersion: '$LATEST' } as unknown as Context;
    await handler({}, context);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.message === 'inside');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ function_request_id: 'req-123', function_name: 'dialer', callId: 'c-1' });
    expect(typeof logged[0]!.cold_start).toBe('boolean');
  });
});
