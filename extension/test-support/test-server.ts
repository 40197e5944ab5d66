import type { Call, GetClinicResponse } from '@vfc/shared';
import { registerBackground } from '../lib/background-handler';
import { saveAdminToken, saveConnection } from '../lib/settings';
import { scriptedFetch, type Route } from './test-fetch';

/**
 * Test helper for components: the real background worker (lib/background-handler.ts) registered on the fake
 * browser, with a saved connection and a scripted API answering its fetches.
 */
export async function withBackground(...routes: Route[]) {
  const server = scriptedFetch(...routes);
  registerBackground({ fetch: server.fetch });
  await saveConnection({ baseUrl: 'https://api.test', token: 'staff-token' });
  return server;
}

/** As {@link withBackground}, with an admin token saved too (for the admin sections). */
export async function withAdminBackground(...routes: Route[]) {
  const server = await withBackground(...routes);
  await saveAdminToken('admin-token');
  return server;
}

export const TEST_CLINIC: GetClinicResponse = {
  clinicId: 'c1',
  name: 'Happy Paws',
  phoneNumber: '+14155550100',
  timezone: 'America/New_York',
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closedDates: [],
  demoMode: true,
  enforceRecipientWindow: true,
  role: 'staff',
};

export function testCall(overrides: Partial<Call> = {}): Call {
  return {
    callId: 'call-1',
    consultationId: '310382',
    status: 'scheduled',
    scheduledFor: '2026-11-24T15:00:00.000Z',
    attention: 'none',
    attentionReasons: [],
    phoneNumber: '+14155550123',
    petName: 'Bella',
    ownerName: 'Jane Doe',
    attempt: 1,
    attempts: [],
    createdAt: '2026-11-23T15:00:00.000Z',
    updatedAt: '2026-11-23T15:00:00.000Z',
    ...overrides,
  };
}
