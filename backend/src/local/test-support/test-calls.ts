import type { CallRecord, CreateCallRequest } from '@vfc/shared';
import type { Dependencies, RecipientZoneDependencies } from '../../app/dependencies.js';
import { scheduleCall } from '../../app/schedule-call.js';

export { aCallRecord } from '@vfc/shared/test-support/call-records';


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
