import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import { cancelCall } from './cancel-call.js';
import { reopenCall, resolveCall } from './resolve-call.js';

const FRONT_DESK = { userId: 'api-key', name: 'Front desk' };
const RIVERA = { userId: 'sub-rivera', name: 'Dr. Rivera' };

/** Resolve / reopen on the real wiring (DynamoDB Local) with a hand-set clock. */
let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-12-02T17:00:00.000Z');
  await world.putClinic();
});
afterAll(() => world?.stop());

describe('resolveCall / reopenCall', () => {
  it('refuses a call that has not ended (409) and another clinic (404)', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550123', '2026-12-02T18:00:00.000Z');
    await expect(resolveCall(world.deps, 'demo-clinic', call.callId, { by: FRONT_DESK })).rejects.toMatchObject({ status: 409 });
    await expect(resolveCall(world.deps, 'clinic-b', call.callId, { by: FRONT_DESK })).rejects.toMatchObject({ status: 404 });
  });

  it('records who and when once, keeps the first resolution on a repeat, and reopens with history events', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550124', '2026-12-02T18:00:00.000Z');
    await cancelCall(world.deps, 'demo-clinic', call.callId);
    world.setNow('2026-12-02T17:05:00.000Z');
    const resolved = await resolveCall(world.deps, 'demo-clinic', call.callId, { by: FRONT_DESK, note: 'Owner called in' });
    expect(resolved.resolution).toEqual({ resolvedAt: '2026-12-02T17:05:00.000Z', resolvedBy: 'Front desk', note: 'Owner called in' });
    world.setNow('2026-12-02T17:06:00.000Z');
    const again = await resolveCall(world.deps, 'demo-clinic', call.callId, { by: RIVERA });
    expect(again.resolution).toEqual(resolved.resolution);
    expect(again.version).toBe(resolved.version);

    const reopened = await reopenCall(world.deps, 'demo-clinic', call.callId, FRONT_DESK);
    expect(reopened.resolution).toBeUndefined();
    expect((await reopenCall(world.deps, 'demo-clinic', call.callId, FRONT_DESK)).version).toBe(reopened.version);
    const types = (await world.deps.calls.listEvents(call.callId)).map((e) => e.type);
    expect(types.filter((type) => type === 'resolved' || type === 'reopened')).toEqual(['resolved', 'reopened']);
  });

  it('records who cancelled, resolved and reopened on the call and on each history entry', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550125', '2026-12-02T18:00:00.000Z');
    await cancelCall(world.deps, 'demo-clinic', call.callId, undefined, undefined, RIVERA);
    await resolveCall(world.deps, 'demo-clinic', call.callId, { by: RIVERA });
    const reopened = await reopenCall(world.deps, 'demo-clinic', call.callId, FRONT_DESK);
    // History items come back in key order (not time order): compare them sorted.
    const events = (await world.deps.calls.listEvents(call.callId)).filter((e) => e.by).map((e) => [e.type, e.by?.name]);
    expect([reopened.changes?.map((c) => [c.action, c.by.name]), events.sort()]).toEqual([
      [['cancelled', 'Dr. Rivera'], ['resolved', 'Dr. Rivera'], ['reopened', 'Front desk']],
      [['cancelled', 'Dr. Rivera'], ['reopened', 'Front desk'], ['resolved', 'Dr. Rivera']],
    ]);
  });
});
