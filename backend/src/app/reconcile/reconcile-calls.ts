import { isTerminal, METRIC, type CallRecord, type Clinic } from '@vfc/shared';
import type { DialSlots } from '../../ports/dial-slots.js';
import type { VoiceLine } from '../../ports/voice-lines.js';
import { SLOT_LEASE_MS } from '../concurrency/slot-policy.js';
import type { Dependencies } from '../dependencies.js';
import { dialDueCall, releaseSlot, serveLine } from '../dial-due-call.js';
import { endAttempt } from '../next-attempt.js';
import { recordProviderCallId } from '../record-provider-call.js';
import { isHeldForReview } from '../restore/hold-restored-calls.js';
import { lineOfAttempt, linesOf, RETELL_PLATFORM, VAPI_PLATFORM, voiceAccountOf } from '../voice/voice-accounts.js';

/** Thresholds of the reconciler, ms of the backend clock. */
export interface ReconcileOptions {
  /** A `dialing` call with no Retell call_id after this long lost its dial (crash); must exceed the dialer's own timeout. */
  dialingWithoutIdAfterMs: number;
  /** A dialled call with no `call_ended` after this long (the maximum call duration + margin) is asked about at Retell. */
  unendedAfterMs: number;
  /** A `scheduled` call this far past due that is not waiting for a slot lost its schedule. */
  overdueAfterMs: number;
  /** How far back to look (calls by scheduled time). */
  lookbackMs: number;
}

/** Defaults: 5 minutes without a call_id; the slot lease (max call duration 60 min + 5) for unended calls; 3 days back. */
export const RECONCILE_DEFAULTS: ReconcileOptions = {
  dialingWithoutIdAfterMs: 5 * 60_000,
  unendedAfterMs: SLOT_LEASE_MS,
  overdueAfterMs: 5 * 60_000,
  lookbackMs: 3 * 86_400_000,
};

/** What one run did (counts and, per call, the action; no personal data). */
export interface ReconcileReport {
  checked: number;
  actions: { callId: string; attempt: number; action: ReconcileAction }[];
  /** Slot leases freed because they expired or their attempt is over. */
  slotsFreed: number;
  /** The dial line after the run (absent without slot control): waiting calls, the earliest one's wait (ms), slots held. */
  line?: { length: number; oldestWaitMs: number; slotsInUse: number };
}

export type ReconcileAction =
  /** dialing with no call_id and no webhook, and the provider has no call for the attempt → the attempt ends (`error_unknown`), the policy retries. */
  | 'ended_unknown'
  /** dialing with no call_id, but the provider has a call for the attempt (crash after it accepted): adopted, not redialled. */
  | 'adopted_from_provider'
  /** dialled, no call_ended: Retell's get-call says it ended → applied as the ending. */
  | 'ended_from_provider'
  /** overdue `scheduled` call with no schedule and no place in the line: put back in the line. */
  | 'requeued_overdue';

/**
 * The recurring safety net: finds calls stuck by a crash or a lost event at any step and resolves each from Retell's
 * own record or by putting it back in line, then frees slots nobody will release and serves the line.
 * - `dialing`, no Retell call_id, dialled more than `dialingWithoutIdAfterMs` ago → ask Retell for a call placed for
 *   this call id and attempt (list-calls on our metadata): found → adopt it (store its id; if it already ended, apply
 *   its ending) so the person is not rung twice; not found → end the attempt (`error_unknown`) so the retry policy
 *   makes the next one — never the same attempt twice;
 * - dialled (`dialing` with an id / `in_progress`) more than `unendedAfterMs` ago → Retell get-call: ended → end the attempt;
 * - `scheduled`, due more than `overdueAfterMs` ago, not waiting for a slot → join the line (dial when a slot is free),
 *   unless it is held for staff review after a restore from a backup;
 * - slot leases that expired, or whose attempt is no longer being dialled/in progress, are freed.
 */
export async function reconcileCalls(deps: Dependencies, options: ReconcileOptions = RECONCILE_DEFAULTS): Promise<ReconcileReport> {
  const now = deps.clock.now();
  const report: ReconcileReport = { checked: 0, actions: [], slotsFreed: 0 };
  // Slots first: a call put back in the line below must not find its own stale lease still held.
  const clinics = await deps.clinics.listClinics();
  const lines = await accountLines(deps, clinics);
  for (const line of lines) report.slotsFreed += await freeOrphanedSlots(deps, line, now, options);
  for (const clinic of clinics) {
    const calls = await deps.calls.listByScheduledTime(
      clinic.clinicId,
      new Date(now.getTime() - options.lookbackMs),
      now,
      ['scheduled', 'dialing', 'in_progress'],
    );
    for (const call of calls) {
      report.checked += 1;
      try {
        const action = await reconcileCall(deps, call, now, options);
        if (action) report.actions.push({ callId: call.callId, attempt: call.attempt, action });
      } catch (error) {
        deps.logger.error('reconciling a call failed', { callId: call.callId, error: String(error) });
      }
    }
  }
  for (const line of lines) await serveLine(deps, line);
  if (lines.some((l) => l.slots)) report.line = await measureLines(deps, lines, now);
  if (report.actions.length > 0 || report.slotsFreed > 0) {
    deps.logger.info('reconciled', { checked: report.checked, actions: report.actions.length, slotsFreed: report.slotsFreed });
  }
  return report;
}

async function reconcileCall(deps: Dependencies, call: CallRecord, now: Date, options: ReconcileOptions): Promise<ReconcileAction | undefined> {
  const current = call.attempts.find((a) => a.attempt === call.attempt);
  const dialedAtMs = current?.dialedAt ? Date.parse(current.dialedAt) : undefined;
  const age = (ms: number | undefined) => (ms === undefined ? 0 : now.getTime() - ms);

  if (call.status === 'dialing' && !call.retellCallId) {
    if (age(dialedAtMs ?? Date.parse(call.updatedAt)) < options.dialingWithoutIdAfterMs) return undefined;
    // Crashed between the claim and storing Retell's answer (its webhooks, which would have told us, may be lost too).
    // Ask Retell whether it placed a call for this attempt: if so, adopt it and its outcome — a retry would ring the
    // person a second time.
    const { voice } = await lineOfAttempt(deps, current?.voiceAccount);
    const placed = await voice.findCallFor(call.callId, call.attempt);
    if (placed) {
      await recordProviderCallId(deps, call, placed.providerCallId, 'adopted');
      if (placed.status === 'ended' || placed.status === 'not_connected' || placed.status === 'error') {
        await endAttempt(deps, call.callId, call.attempt, {
          disconnectionReason: placed.disconnectionReason ?? (placed.status === 'error' ? 'error_unknown' : undefined),
          endedAt: placed.endedAt ?? now.toISOString(),
          ...(placed.durationMs !== undefined ? { durationMs: placed.durationMs } : {}),
        });
        await releaseSlot(deps, call.callId, call.attempt, current?.voiceAccount);
      }
      deps.logger.warn('adopted a provider call placed before a crash', { callId: call.callId, attempt: call.attempt, providerCallId: placed.providerCallId });
      return 'adopted_from_provider';
    }
    // Retell has no call for it: never placed. End it as Retell's "unknown error": the retry policy decides (next
    // attempt 5 min after, counted, within the cap), exactly as for a create-phone-call that timed out.
    const ended = await endAttempt(deps, call.callId, call.attempt, { disconnectionReason: 'error_unknown', endedAt: now.toISOString() });
    if (!ended) return undefined;
    await releaseSlot(deps, call.callId, call.attempt, current?.voiceAccount);
    return 'ended_unknown';
  }

  if ((call.status === 'dialing' || call.status === 'in_progress') && call.retellCallId) {
    if (age(dialedAtMs ?? Date.parse(call.updatedAt)) < options.unendedAfterMs) return undefined;
    const record = await (await lineOfAttempt(deps, current?.voiceAccount)).voice.getCall(call.retellCallId);
    if (record.status !== 'ended' && record.status !== 'not_connected' && record.status !== 'error') return undefined;
    await endAttempt(deps, call.callId, call.attempt, {
      disconnectionReason: record.disconnectionReason ?? (record.status === 'error' ? 'error_unknown' : undefined),
      endedAt: record.endedAt ?? now.toISOString(),
      ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    });
    await releaseSlot(deps, call.callId, call.attempt, current?.voiceAccount);
    return 'ended_from_provider';
  }

  if (call.status === 'scheduled' && !isHeldForReview(call) && age(Date.parse(call.scheduledFor)) >= options.overdueAfterMs) {
    const lines = linesOf(deps);
    const dial = { clinicId: call.clinicId, callId: call.callId, attempt: call.attempt, dueAt: call.scheduledFor };
    const { slots } = await lines.line(await lines.accountOfClinic(call.clinicId));
    if (slots && (await slots.isWaiting(dial))) return undefined; // legitimately waiting for a slot
    await dialDueCall(deps, { callId: call.callId, attempt: call.attempt });
    return 'requeued_overdue';
  }
  return undefined;
}

/** Reconcile thresholds from the environment (`RECONCILE_*_MS`, backend-clock ms), else {@link RECONCILE_DEFAULTS}. */
export function reconcileOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReconcileOptions {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of ms, got "${raw}"`);
    return value;
  };
  return {
    dialingWithoutIdAfterMs: read('RECONCILE_DIALING_WITHOUT_ID_AFTER_MS', RECONCILE_DEFAULTS.dialingWithoutIdAfterMs),
    unendedAfterMs: read('RECONCILE_UNENDED_AFTER_MS', RECONCILE_DEFAULTS.unendedAfterMs),
    overdueAfterMs: read('RECONCILE_OVERDUE_AFTER_MS', RECONCILE_DEFAULTS.overdueAfterMs),
    lookbackMs: read('RECONCILE_LOOKBACK_MS', RECONCILE_DEFAULTS.lookbackMs),
  };
}

/**
 * The dial lines after this run, emitted as metrics for the dashboard and the "oldest waiting dial" alarm, summed over
 * the provider accounts: how many wait, how long the earliest has waited (ms from its due time; 0 when nobody waits),
 * and the slots held.
 */
async function measureLines(deps: Dependencies, lines: VoiceLine[], now: Date): Promise<NonNullable<ReconcileReport['line']>> {
  let length = 0;
  let oldestWaitMs = 0;
  let slotsInUse = 0;
  for (const line of lines) {
    if (!line.slots) continue;
    const { waiting, inUse } = await line.slots.snapshot();
    length += waiting.length;
    slotsInUse += inUse;
    if (waiting.length) oldestWaitMs = Math.max(oldestWaitMs, now.getTime() - Date.parse(waiting[0]!.dueAt));
  }
  deps.metrics.gauge(METRIC.dialLineOldestWaitSeconds, Math.round(oldestWaitMs / 1000), 'Seconds');
  deps.metrics.gauge(METRIC.dialLineLength, length, 'Count');
  deps.metrics.gauge(METRIC.slotsInUse, slotsInUse, 'Count');
  return { length, oldestWaitMs, slotsInUse };
}

/**
 * The provider accounts to sweep: the platform's Retell and Vapi accounts and every clinic's own account, each once
 * (without `voiceLines`, the one line of `deps`).
 */
async function accountLines(deps: Dependencies, clinics: Clinic[]): Promise<VoiceLine[]> {
  const accounts = new Set([RETELL_PLATFORM, VAPI_PLATFORM, ...clinics.map(voiceAccountOf)]);
  const lines = new Map<DialSlots | VoiceLine, VoiceLine>();
  for (const account of accounts) {
    const line = await linesOf(deps).line(account);
    lines.set(line.slots ?? line, line);
  }
  return [...lines.values()];
}

/** Frees leases that expired, and leases (older than the no-call_id grace) whose attempt is no longer live. */
async function freeOrphanedSlots(deps: Dependencies, line: VoiceLine, now: Date, options: ReconcileOptions): Promise<number> {
  const { slots } = line;
  if (!slots) return 0;
  let freed = (await slots.reclaimExpired(now.getTime())).length;
  const { leases } = await slots.snapshot();
  for (const lease of leases) {
    if (now.getTime() - lease.takenAtMs < options.dialingWithoutIdAfterMs) continue;
    const call = await deps.calls.get(lease.callId);
    const live = call && call.attempt === lease.attempt && !isTerminal(call.status) && call.status !== 'scheduled';
    if (!live && (await slots.release(lease.callId, lease.attempt))) freed += 1;
  }
  return freed;
}
