import type { CallRecord, CreateCallRequest } from '@vfc/shared';
import type { Dependencies, RecipientZoneDependencies } from '../../app/dependencies.js';
import { scheduleCall } from '../../app/schedule-call.js';

/**
 * Test support: a stored call as scheduling writes it — scheduled at `at` (UTC ISO), attempt 1, no attention, the
 * demo clinic's consultation for Rex and a test number — with `overrides` on top.
 */
export function aCallRecord(at: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    callId: 'c-1',
    clinicId: 'demo-clinic',
    consultationId: '310382',
    status: 'scheduled',
    scheduledFor: at,
    attention: 'none',
    attentionReasons: [],
    phoneNumber: '+14155550108',
    petName: 'Rex',
    ownerName: 'Ana Silva',
    attempt: 1,
    attempts: [{ attempt: 1, scheduledFor: at }],
    createdAt: at,
    updatedAt: at,
    version: 0,
    expiresAt: 1_900_000_000,
    ...overrides,
  };
}

/** Test support (not a test): schedules a call for the demo clinic through the real use case. */
export async function scheduleTestCall(
  deps: Dependencies & RecipientZoneDependencies,
  phoneNumber: string,
  scheduledFor: string,
  overrides: Partial<CreateCallRequest> = {},
  clinicId = 'demo-clinic',
): Promise<CallRecord> {
  const request: CreateCallRequest = { consultationId: '310382', petName: 'Rex', ownerName: 'Ana Silva', phoneNumber, scheduledFor, ...overrides };
  return (await scheduleCall(deps, { clinicId, request })).call;
}

/** Business hours for window tests: Monday–Friday 09:00–17:00, closed at the weekend. */
export const WEEKDAYS_9_TO_5 = {
  mon: [{ start: '09:00', end: '17:00' }],
  tue: [{ start: '09:00', end: '17:00' }],
  wed: [{ start: '09:00', end: '17:00' }],
  thu: [{ start: '09:00', end: '17:00' }],
  fri: [{ start: '09:00', end: '17:00' }],
  sat: [],
  sun: [],
};
