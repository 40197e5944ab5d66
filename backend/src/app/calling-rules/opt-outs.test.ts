import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { addOptOut, listOptOuts, OPTED_OUT_CANCEL_REASON, removeOptOut } from './opt-outs.js';
import { scheduleTestCall } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T17:00:00.000Z');
  await world.putClinic();
});
afterAll(() => world?.stop());

describe('opt-outs (DynamoDB Local + Scheduler emulator)', () => {
  it('adding a number cancels its scheduled calls (and their schedules), leaves other numbers alone, and refuses new calls', async () => {
    const { deps } = world;
    const a = await scheduleTestCall(deps, '+14155550161', '2026-11-24T17:00:00.000Z');
    const b = await scheduleTestCall(deps, '+14155550161', '2026-11-30T17:00:00.000Z');
    const other = await scheduleTestCall(deps, '+14155550162', '2026-11-24T17:00:00.000Z');
    expect(world.scheduler.schedules().map((s) => s.name)).toEqual(expect.arrayContaining([a.scheduleName, b.scheduleName]));

    const result = await addOptOut(deps, 'demo-clinic', { phoneNumber: '+14155550161', reason: 'Asked at the front desk', source: 'staff' });
    expect(result).toMatchObject({ added: true, entry: { phoneNumber: '+14155550161', reason: 'Asked at the front desk', source: 'staff' } });
    expect(result.cancelledCallIds.sort()).toEqual([a.callId, b.callId].sort());
    for (const id of [a.callId, b.callId]) {
      expect(await deps.calls.get(id)).toMatchObject({ status: 'cancelled', statusReason: OPTED_OUT_CANCEL_REASON });
    }
    expect((await deps.calls.get(other.callId))?.status).toBe('scheduled');
    const names = world.scheduler.schedules().map((s) => s.name);
    expect(names).not.toContain(a.scheduleName);
    expect(names).toContain(other.scheduleName);

    const refused = scheduleTestCall(deps, '+14155550161', '2026-11-24T18:00:00.000Z');
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'opted_out' });
  });

  it('adding the same number again keeps the first entry; removing twice is a 404 the second time', async () => {
    const { deps } = world;
    await addOptOut(deps, 'demo-clinic', { phoneNumber: '+14155550163', source: 'call', callId: 'call-x' });
    const again = await addOptOut(deps, 'demo-clinic', { phoneNumber: '+14155550163', reason: 'later', source: 'staff' });
    expect(again).toMatchObject({ added: false, cancelledCallIds: [], entry: { source: 'call', callId: 'call-x', reason: 'Asked during the call not to be called again' } });
    expect((await listOptOuts(deps, 'demo-clinic')).map((o) => o.phoneNumber)).toContain('+14155550163');
    await removeOptOut(deps, 'demo-clinic', '+14155550163');
    const second = removeOptOut(deps, 'demo-clinic', '+14155550163');
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ status: 404 });
    expect(await scheduleTestCall(deps, '+14155550163', '2026-11-24T17:00:00.000Z')).toMatchObject({ status: 'scheduled' });
  });
});
