import type { CallRecord, ListCallsQuery } from '@vfc/shared';
import { InvalidCursorError, type CallPage } from '../ports/call-store.js';
import type { Dependencies } from './dependencies.js';
import { invalidField, notFound } from './errors.js';

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

/**
 * A page of every call of the clinic (`GET /calls` without `consultationId`), newest `scheduledFor` first, served by
 * the clinic's calls index.
 * @throws AppError 400 naming `to` when `to` is not after `from`, naming `cursor` for a cursor this API did not issue.
 */
export async function listClinicCalls(
  deps: Pick<Dependencies, 'calls'>,
  clinicId: string,
  query: Omit<ListCallsQuery, 'consultationId'>,
): Promise<CallPage> {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && to.getTime() <= from.getTime()) throw invalidField('to', 'must be after from');
  try {
    return await deps.calls.listClinicCalls(
      clinicId,
      { from, to, statuses: query.status, attention: query.attention, resolved: query.resolved },
      { limit: query.limit, cursor: query.cursor },
    );
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalidField('cursor', 'is not a cursor from a previous page of this list');
    throw error;
  }
}
