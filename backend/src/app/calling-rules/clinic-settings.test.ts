import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from '@vfc/shared/zod';
import { getClinicSettings, updateClinicSettings } from './clinic-settings.js';
import { WEEKDAYS_9_TO_5 } from '../../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../../local/test-support/use-case-world.js';

let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld();
  await world.putClinic({ clinicId: 'settings-clinic', demoMode: false, enforceRecipientWindow: true, weeklyHours: WEEKDAYS_9_TO_5 });
});
afterAll(() => world?.stop());

describe('clinic settings (DynamoDB Local)', () => {
  it('reads the calling rules only (no Retell wiring)', async () => {
    expect(await getClinicSettings(world.deps, 'settings-clinic')).toEqual({
      timezone: 'America/New_York',
      weeklyHours: WEEKDAYS_9_TO_5,
      closedDates: [],
      enforceRecipientWindow: true,
      voicemailPolicy: 'complete',
      maxCallsPer30Days: 3,
    });
  });

  it('changes only the fields sent and keeps the rest of the clinic (name, agent)', async () => {
    const after = await updateClinicSettings(world.deps, 'settings-clinic', { voicemailPolicy: 'retry', closedDates: ['2026-12-25'] });
    expect(after).toMatchObject({ voicemailPolicy: 'retry', closedDates: ['2026-12-25'], maxCallsPer30Days: 3, enforceRecipientWindow: true });
    const stored = await world.deps.clinics.getClinic('settings-clinic');
    expect(stored).toMatchObject({ name: 'Happy Paws Veterinary (demo)', agentId: 'agent_demo_followup', voicemailPolicy: 'retry' });
  });

  it('refuses invalid merged rules and unknown clinics', async () => {
    await expect(updateClinicSettings(world.deps, 'settings-clinic', { timezone: 'Mars/Olympus' })).rejects.toBeInstanceOf(ZodError);
    await expect(getClinicSettings(world.deps, 'nope')).rejects.toMatchObject({ status: 404 });
  });
});
