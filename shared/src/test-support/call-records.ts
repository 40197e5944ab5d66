import type { CallRecord } from '../domain/call-record.js';

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
