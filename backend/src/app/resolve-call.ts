import { isTerminal, type CallRecord } from '@vfc/shared';
import type { TokenGrant } from '../ports/clinic-store.js';
import type { Dependencies } from './dependencies.js';
import { conflict, notFound } from './errors.js';
import { updateCall } from './update-call.js';

/** Who is recorded for a change made with a token that carries no label. */
export const UNLABELLED_TOKEN = 'clinic staff (unlabelled token)';

/** The name recorded as the author of a change (`resolvedBy`, a history event's `by`): the token's label. */
export function actorOf(grant: Pick<TokenGrant, 'label'>): string {
  return grant.label ?? UNLABELLED_TOKEN;
}

/** Who resolved a call: the label of the token (or, with personal sign-in, the person). */
export interface ResolveInput {
  resolvedBy: string;
  /** Optional note for the rest of the clinic (already validated: ≤ 1,000 characters). */
  note?: string;
}

/**
 * Marks a final call (`completed`, `failed`, `cancelled`) as dealt with: `resolution = {resolvedAt (UTC, the clock's
 * now), resolvedBy, note}` and a `resolved` history event, in one conditional write. Idempotent: a call that is
 * already resolved is answered as it is (its first resolution is kept).
 * @throws AppError 404 (missing or another clinic's call), 409 (the call is not final yet).
 */
export async function resolveCall(
  deps: Pick<Dependencies, 'calls' | 'clock' | 'logger' | 'metrics'>,
  clinicId: string,
  callId: string,
  input: ResolveInput,
): Promise<CallRecord> {
  const result = await updateCall(deps, callId, (call) => {
    if (call.clinicId !== clinicId) throw notFound('Call');
    if (!isTerminal(call.status)) {
      throw conflict(`Only a call that has ended can be resolved; this call is ${call.status.replace('_', ' ')}.`);
    }
    if (call.resolution) return undefined;
    const at = deps.clock.now().toISOString();
    return {
      next: { ...call, resolution: { resolvedAt: at, resolvedBy: input.resolvedBy, ...(input.note ? { note: input.note } : {}) }, updatedAt: at },
      event: { at, type: 'resolved', dedupeKey: `resolved#${at}`, detail: { attention: call.attention } },
    };
  });
  if (!result) throw notFound('Call');
  if (result.changed) deps.logger.info('call resolved', { callId, clinicId });
  return result.call;
}

/**
 * Reopens a resolved call (removes its `resolution`; a `reopened` history event), in one conditional write.
 * Idempotent: an unresolved call is answered as it is.
 * @throws AppError 404 (missing or another clinic's call).
 */
export async function reopenCall(
  deps: Pick<Dependencies, 'calls' | 'clock' | 'logger' | 'metrics'>,
  clinicId: string,
  callId: string,
  reopenedBy: string,
): Promise<CallRecord> {
  const result = await updateCall(deps, callId, (call) => {
    if (call.clinicId !== clinicId) throw notFound('Call');
    if (!call.resolution) return undefined;
    const at = deps.clock.now().toISOString();
    const { resolution, ...rest } = call;
    return {
      next: { ...rest, updatedAt: at },
      event: { at, type: 'reopened', dedupeKey: `reopened#${at}`, detail: { resolvedAt: resolution.resolvedAt, by: reopenedBy } },
    };
  });
  if (!result) throw notFound('Call');
  if (result.changed) deps.logger.info('call reopened', { callId, clinicId });
  return result.call;
}
