import { afterAll, describe, expect, it } from 'vitest';
import { createBurst, settle } from './support/burst-harness.js';
import { createCrashRig, type CrashRig } from './support/crash-rig.js';

/**
 * Our stack dies in the one window where a second ring could come from: Retell (the simulator, which keeps running)
 * has accepted the create-phone-call and the call rings, but the dialer never stores Retell's call id. After the
 * restart the reconciler must find that call at Retell (list-calls on our metadata) and adopt it, not dial again.
 */
let rig: CrashRig | undefined;
afterAll(() => rig?.stop());

describe('crash after the provider accepted the call', () => {
  it('the attempt is adopted after the restart: exactly one provider call for it, and the call completes at attempt 1', async () => {
    rig = await createCrashRig('crash-accept');
    const { simulator } = rig;
    const first = await rig.start();
    let crashed!: () => void;
    const crash = new Promise<void>((resolve) => (crashed = resolve));
    simulator.afterNextAccept(async () => {
      await rig!.kill(); // the call exists at Retell; our stack dies before it hears the 201
      crashed();
    });
    const burst = await createBurst(first, 1, { leadMs: 60_000, offset: 700 });
    const [callId] = burst.callIds;
    await crash;

    const second = await rig.restart();
    const [call] = await settle(second, burst, 90_000);

    const forAttempt = simulator.callLog().filter((r) => r.metadata.call_id === callId && Number(r.metadata.attempt) === 1);
    expect(forAttempt).toHaveLength(1);
    expect(simulator.callLog().filter((r) => r.metadata.call_id === callId)).toHaveLength(1);
    expect(call).toMatchObject({ status: 'completed', attempt: 1, retellCallId: forAttempt[0]!.call_id });
  });
});
