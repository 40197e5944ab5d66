import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { pollUntil } from '../support/api.js';
import { createBurst, settle } from './support/burst-harness.js';

/**
 * The webhook answers before the next dial: with one provider line and two calls due together, the first call's
 * `call_ended` frees the line and the second call is dialled — and that create-phone-call HANGS (the simulator holds
 * its answer until the test lets go). The `call_ended` webhook must already have been answered 200 while the
 * create-call is still pending: the ending, the freed slot and the dial run after the answer, not inside Retell's request.
 */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ concurrencyLimit: 1, callDurationMs: 600, ringMs: 100, analysisDelayMs: 100 });
});
afterAll(() => stack?.stop());

describe('the webhook while the provider hangs', () => {
  it('answers call_ended 200 while the next call’s create-phone-call is still pending, and both calls then complete', async () => {
    const simulator = stack.simulator!;
    const burst = await createBurst(stack, 2, { leadMs: 2_000, offset: 900 });
    await pollUntil(async () => simulator.callLog(), (log) => log.length === 1, { timeoutMs: 20_000, intervalMs: 50, describe: () => 'the first call was not dialled' });
    const [first] = simulator.callLog();

    // The next create-phone-call (the second call, dialled once the first frees the line) hangs until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let pending = false;
    const held = new Promise<number>((resolve) =>
      simulator.afterNextAccept(async () => {
        pending = true;
        resolve(Date.now());
        await released;
        pending = false;
      }),
    );
    const heldAt = await held;

    const answered = await pollUntil(
      async () => simulator.webhookDeliveries().find((d) => d.call_id === first!.call_id && d.event === 'call_ended'),
      (delivery) => delivery?.delivered === true,
      { timeoutMs: 8_000, intervalMs: 20, describe: (d) => `call_ended not answered (status ${d?.status ?? 'not sent'})` },
    );
    expect(pending, 'the create-phone-call is still pending').toBe(true);
    expect(answered).toMatchObject({ status: 200, attempts: 1 });
    console.info(`call_ended answered; create-phone-call pending for ${Date.now() - heldAt} ms when observed`);

    release();
    const calls = await settle(stack, burst, 30_000);
    expect(calls.map((call) => call?.status)).toEqual(['completed', 'completed']);
  });
});
