import * as z from '@vfc/shared/zod';
import { describe, expect, it } from 'vitest';
import { localLambdaContext } from '../local/http/lambda-context.js';
import type { AppLogger } from '../ports/logger.js';
import { asyncEventHandler } from './async-event-handler.js';

const Payload = z.object({ clinicId: z.string().check(z.minLength(1)) });

function recordingLogger(errors: { message: string; detail: unknown }[]): AppLogger {
  const ignore = () => undefined;
  return { info: ignore, warn: ignore, error: (message, detail) => void errors.push({ message, detail }) };
}

describe('asyncEventHandler', () => {
  it('runs the use case with the parsed payload and answers its result', async () => {
    const seen: unknown[] = [];
    const handler = asyncEventHandler({
      payload: Payload,
      payloadName: 'sync request',
      logger: () => recordingLogger([]),
      run: async (payload) => (seen.push(payload), 'done'),
    });
    expect(await handler({ clinicId: 'c-1', extra: true }, localLambdaContext('fn'))).toBe('done');
    expect(seen).toEqual([{ clinicId: 'c-1' }]);
  });

  it("drops a malformed payload as 'skipped', logging one error with the issue count and nothing of the payload", async () => {
    const errors: { message: string; detail: unknown }[] = [];
    let runs = 0;
    const handler = asyncEventHandler({
      payload: Payload,
      payloadName: 'sync request',
      logger: () => recordingLogger(errors),
      run: async () => (runs += 1),
    });
    expect(await handler({ clinicId: '', phone: '+14155550100' }, localLambdaContext('fn'))).toBe('skipped');
    expect(runs).toBe(0);
    expect(errors).toEqual([{ message: 'malformed sync request', detail: { issues: 1 } }]);
  });

  it('throws the error of the use case, so Lambda retries the invocation', async () => {
    const handler = asyncEventHandler({
      payload: Payload,
      payloadName: 'sync request',
      logger: () => recordingLogger([]),
      run: async () => {
        throw new Error('provider down');
      },
    });
    await expect(handler({ clinicId: 'c-1' }, localLambdaContext('fn'))).rejects.toThrow('provider down');
  });
});
