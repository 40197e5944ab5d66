import { isTerminal, type Actor, type CallRecord } from '@vfc/shared';
import { withChange } from './actor.js';
import type { Dependencies } from './dependencies.js';
import { conflict, notFound } from './errors.js';
import { updateCall } from './update-call.js';

/** Who resolved a call (`resolution.resolvedBy` is their name) and their note. */
export interface ResolveInput {
  by: Actor;
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
      next: {
        ...call,
        resolution: { resolvedAt: at, resolvedBy: input.by.name, ...(input.note ? { note: input.note } : {}) },
        changes: withChange(call, { at, action: 'resolved', by: input.by }),
        updatedAt: at,
      },
      event: { at, type: 'resolved', dedupeKey: `resolved#${at}`, detail: { attention: call.attention }, by: input.by },
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
  reopenedBy: Actor,
): Promise<CallRecord> {
  const result = await updateCall(deps, callId, (call) => {
    if (call.clinicId !== clinicId) throw notFound('Call');
    if (!call.resolution) return undefined;
    const at = deps.clock.now().toISOString();
    const { resolution, ...rest } = call;
    return {
      next: { ...rest, changes: withChange(call, { at, action: 'reopened', by: reopenedBy }), updatedAt: at },
      event: { at, type: 'reopened', dedupeKey: `reopened#${at}`, detail: { resolvedAt: resolution.resolvedAt }, by: reopenedBy },
    };
  });
  if (!result) throw notFound('Call');
  if (result.changed) deps.logger.info('call reopened', { callId, clinicId });
  return result.call;
}
