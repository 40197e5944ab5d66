import type { CallRecord } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import { updateCall } from '../update-call.js';

/** What {@link holdRestoredCalls} needs: the table's stores, the clock and the logger. */
export type HoldRestoredDeps = Pick<Dependencies, 'calls' | 'clinics' | 'clock' | 'logger' | 'metrics'>;

/** Options of one run. */
export interface HoldRestoredOptions {
  /** The instant (UTC) the restored table's data is from: the point-in-time or backup the restore used. */
  restoredTo: Date;
  /** How far before `restoredTo` to look for calls still `scheduled`, ms. Default: 3 days, the reconciler's look-back. */
  lookbackMs?: number;
  /** Only count what would be held; write nothing. */
  dryRun?: boolean;
}

/** What one run found and did (call ids only: no names or numbers). */
export interface HoldRestoredReport {
  /** Calls `scheduled` and due by now: held by this run (or, with `dryRun`, that would be). */
  held: string[];
  /** Already held by an earlier run of the same restore: left as they are. */
  alreadyHeld: string[];
  /** Due calls that changed under this run (dialled, moved or cancelled meanwhile): left as they are. */
  changedMeanwhile: string[];
}

/** Default look-back, ms: as far as the reconciler looks for overdue calls (it would dial nothing older). */
export const RESTORE_LOOKBACK_MS = 3 * 86_400_000;

/**
 * After the table was restored to an earlier instant, holds every call that is `scheduled` and already due — its time
 * passed in the gap between `restoredTo` and now, or it was still waiting then — because it may have been dialled in
 * that gap by the table that was replaced. A held call stays `scheduled` with `statusCode` `held_for_review` (triage
 * gives it `attention` `review`, reason `restored_from_backup`); the dialer and the reconciler never dial it, and it
 * leaves the hold when someone at the clinic moves it to a new time (`PATCH /calls/{callId}`) or cancels it.
 * Calls `dialing` or `in_progress` are left to the reconciler, which settles each from the provider's own record
 * (adopting a provider call placed for the attempt rather than dialling again). Idempotent: a second run holds nothing
 * new. Each hold is a conditional write through the call state machine (`scheduled → scheduled`).
 * Run it after swapping the restored table in and before dialling resumes (the restore runbook in `infra/README.md`).
 */
export async function holdRestoredCalls(deps: HoldRestoredDeps, options: HoldRestoredOptions): Promise<HoldRestoredReport> {
  const now = deps.clock.now();
  const from = new Date(options.restoredTo.getTime() - (options.lookbackMs ?? RESTORE_LOOKBACK_MS));
  const report: HoldRestoredReport = { held: [], alreadyHeld: [], changedMeanwhile: [] };
  for (const clinic of await deps.clinics.listClinics()) {
    const due = await deps.calls.listByScheduledTime(clinic.clinicId, from, now, ['scheduled']);
    for (const call of due) {
      if (Date.parse(call.scheduledFor) > now.getTime()) continue;
      if (call.statusCode === 'held_for_review') {
        report.alreadyHeld.push(call.callId);
        continue;
      }
      if (options.dryRun) {
        report.held.push(call.callId);
        continue;
      }
      (await holdCall(deps, call, options.restoredTo, now)) ? report.held.push(call.callId) : report.changedMeanwhile.push(call.callId);
    }
  }
  deps.logger.info('restored calls held for review', {
    held: report.held.length,
    alreadyHeld: report.alreadyHeld.length,
    changedMeanwhile: report.changedMeanwhile.length,
    dryRun: options.dryRun ?? false,
  });
  return report;
}

async function holdCall(deps: HoldRestoredDeps, due: CallRecord, restoredTo: Date, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await updateCall(deps, due.callId, (call) => {
    if (call.status !== 'scheduled' || call.attempt !== due.attempt || call.scheduledFor !== due.scheduledFor) return undefined;
    if (call.statusCode === 'held_for_review') return undefined;
    return {
      next: {
        ...call,
        statusCode: 'held_for_review',
        statusReason: `Held, not dialled: the call data was restored from a backup of ${restoredTo.toISOString()} and this call's time had passed, so it may have been dialled already. Move it to a new time or cancel it.`,
        updatedAt: at,
      },
      event: {
        at,
        type: 'held_for_review',
        dedupeKey: `held_for_review#${call.attempt}#${restoredTo.toISOString()}`,
        detail: { attempt: call.attempt, restoredTo: restoredTo.toISOString() },
      },
    };
  });
  return result?.changed ?? false;
}

/** True when the call is held for review after a restore: the dialer and the reconciler must not dial it. */
export function isHeldForReview(call: Pick<CallRecord, 'status' | 'statusCode'>): boolean {
  return call.status === 'scheduled' && call.statusCode === 'held_for_review';
}
