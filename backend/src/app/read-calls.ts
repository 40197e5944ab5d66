import type { CallRecord } from '@vfc/shared';
import type { Dependencies } from './dependencies.js';
import { notFound } from './errors.js';

/**
 * A call of the token's clinic. Another clinic's call answers 404 exactly like a missing one, so ids cannot be probed.
 * @throws AppError 404
 */
export async function getCall(deps: Pick<Dependencies, 'calls'>, clinicId: string, callId: string): Promise<CallRecord> {
  const call = await deps.calls.get(callId);
  if (!call || call.clinicId !== clinicId) throw notFound('Call');
  return call;
}

/** The clinic's calls for one consultation, newest first. */
export async function listConsultationCalls(
  deps: Pick<Dependencies, 'calls'>,
  clinicId: string,
  consultationId: string,
): Promise<CallRecord[]> {
  return deps.calls.listByConsultation(clinicId, consultationId);
}
