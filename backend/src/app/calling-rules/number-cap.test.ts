import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertUnderNumberCap, numberCapAt, reserveDial } from './number-cap.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T17:00:00.000Z');
});
afterAll(() => world?.stop());

const DAY = 86_400_000;
const clinic = (max = 3) => ({ ...demoRules(), maxCallsPer30Days: max });
function demoRules() {
  return {
    clinicId: 'cap-clinic',
    name: 'Cap',
    phoneNumber: '+14155550100',
    fromNumber: '+14155550199',
    agentId: 'agent_demo_followup',
    demoMode: false,
    timezone: 'America/New_York',
    weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    closedDates: [],
    enforceRecipientWindow: true,
    voicemailPolicy: 'complete' as const,
    maxCallsPer30Days: 3,
  };
}
const dial = (phoneNumber: string, at: string, callId: string, attempt = 1) => ({ phoneNumber, at, callId, attempt });

describe('per-number cap on recorded dials (DynamoDB Local)', () => {
  it('refuses a 4th call inside 30 days with 409 number_cap_reached and the instant it frees up', async () => {
    const { deps } = world;
    const n = '+14155550171';
    for (const [i, at] of ['2026-11-01T15:00:00.000Z', '2026-11-10T15:00:00.000Z', '2026-11-20T15:00:00.000Z'].entries()) {
      await deps.numberUsage.recordDial('cap-clinic', dial(n, at, `c${i}`));
    }
    const at = new Date('2026-11-24T15:00:00.000Z');
    const refused = assertUnderNumberCap(deps, clinic(), n, at);
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'number_cap_reached', details: { freesAt: '2026-12-01T15:00:00.000Z' } });
    await expect(refused).rejects.toThrow(/limit 3, FCC 20-186/);
    // 30 × 24 h after the oldest dial the window holds two dials again.
    expect(await numberCapAt(deps, clinic(), n, new Date('2026-12-01T15:00:00.000Z'))).toEqual({ allowed: true });
    // A clinic that lowered its cap to 2 is refused earlier.
    expect((await numberCapAt(deps, clinic(2), n, new Date('2026-12-01T15:00:00.000Z'))).allowed).toBe(false);
  });

  it('reserveDial records up to the cap, then refuses and leaves no record of the refused dial', async () => {
    const { deps } = world;
    const n = '+14155550172';
    const t0 = Date.parse('2026-11-23T15:00:00.000Z');
    for (let i = 0; i < 3; i++) {
      expect(await reserveDial(deps, clinic(), dial(n, new Date(t0 + i * DAY).toISOString(), `r${i}`))).toEqual({ allowed: true });
    }
    const fourth = await reserveDial(deps, clinic(), dial(n, new Date(t0 + 3 * DAY).toISOString(), 'r3'));
    expect(fourth).toMatchObject({ allowed: false, freesAt: new Date(t0 + 30 * DAY) });
    expect(await deps.numberUsage.dialsSince('cap-clinic', n, new Date(0))).toHaveLength(3);
  });

  it('two dialers racing for the last place under the cap: exactly one dials, exactly 3 dials stored', async () => {
    const { deps } = world;
    for (let round = 0; round < 5; round++) {
      const n = `+1415555018${round}`;
      await deps.numberUsage.recordDial('cap-clinic', dial(n, '2026-11-20T15:00:00.000Z', 'old-1'));
      await deps.numberUsage.recordDial('cap-clinic', dial(n, '2026-11-21T15:00:00.000Z', 'old-2'));
      const results = await Promise.all([
        reserveDial(deps, clinic(), dial(n, '2026-11-23T15:00:00.000Z', 'race-a')),
        reserveDial(deps, clinic(), dial(n, '2026-11-23T15:00:00.001Z', 'race-b')),
      ]);
      expect(results.filter((r) => r.allowed)).toHaveLength(1);
      expect(await deps.numberUsage.dialsSince('cap-clinic', n, new Date(0))).toHaveLength(3);
    }
  });
});
