import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import { cancelCall } from './cancel-call.js';
import { reopenCall, resolveCall } from './resolve-call.js';

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
    await expect(resolveCall(world.deps, 'demo-clinic', call.callId, { resolvedBy: 'Front desk' })).rejects.toMatchObject({ status: 409 });
    await expect(resolveCall(world.deps, 'clinic-b', call.callId, { resolvedBy: 'Front desk' })).rejects.toMatchObject({ status: 404 });
  });

  it('records who and when once, keeps the first resolution on a repeat, and reopens with history events', async () => {
    const call = await scheduleTestCall(world.deps, '+14155550124', '2026-12-02T18:00:00.000Z');
    await cancelCall(world.deps, 'demo-clinic', call.callId);
    world.setNow('2026-12-02T17:05:00.000Z');
    const resolved = await resolveCall(world.deps, 'demo-clinic', call.callId, { resolvedBy: 'Front desk', note: 'Owner called in' });
    expect(resolved.resolution).toEqual({ resolvedAt: '2026-12-02T17:05:00.000Z', resolvedBy: 'Front desk', note: 'Owner called in' });
    world.setNow('2026-12-02T17:06:00.000Z');
    const again = await resolveCall(world.deps, 'demo-clinic', call.callId, { resolvedBy: 'Someone else' });
    expect(again.resolution).toEqual(resolved.resolution);
    expect(again.version).toBe(resolved.version);

    const reopened = await reopenCall(world.deps, 'demo-clinic', call.callId, 'Front desk');
    expect(reopened.resolution).toBeUndefined();
    expect((await reopenCall(world.deps, 'demo-clinic', call.callId, 'Front desk')).version).toBe(reopened.version);
    const types = (await world.deps.calls.listEvents(call.callId)).map((e) => e.type);
    expect(types.filter((type) => type === 'resolved' || type === 'reopened')).toEqual(['resolved', 'reopened']);
  });
});
