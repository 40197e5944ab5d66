import { checkNumberCap, checkPlannedNumberCap, NUMBER_CAP_WINDOW_DAYS, type Clinic, type NumberCapCheck } from '@vfc/shared';
import type { DialRecord } from '../../ports/number-usage-store.js';
import type { Dependencies } from '../dependencies.js';
import { AppError } from '../errors.js';

/**
 * The per-number cap in use: at most `clinic.maxCallsPer30Days` (≤ 3, FCC 20-186) artificial-voice dials to one number
 * per clinic in any 30 × 24 h; retries count. At scheduling and rescheduling the calls still to be dialled count at
 * their slots ({@link assertUnderNumberCap}); at dial time the dials recorded by the dialer count ({@link reserveDial}),
 * which is where retries are caught. The pure rules are `checkPlannedNumberCap` and `checkNumberCap` in shared.
 */

const WINDOW_MS = NUMBER_CAP_WINDOW_DAYS * 86_400_000;

type CapDeps = Pick<Dependencies, 'numberUsage'>;
type PlanDeps = Pick<Dependencies, 'numberUsage' | 'calls'>;

/** May `phoneNumber` be dialled at `at` (UTC) given the clinic's recorded dials (made before `at`)? */
export async function numberCapAt(deps: CapDeps, clinic: Clinic, phoneNumber: string, at: Date): Promise<NumberCapCheck> {
  const dials = await deps.numberUsage.dialsSince(clinic.clinicId, phoneNumber, new Date(at.getTime() - WINDOW_MS));
  return checkNumberCap(dials.map((d) => new Date(d.at)), at, clinic.maxCallsPer30Days);
}

/**
 * What counts against one more call to `phoneNumber` at a slot at or after `from` (UTC): the clinic's recorded dials
 * of the 30 days before `from` and later, plus its calls still `scheduled` to that number at their slots
 * (`scheduledFor`), except `exceptCallId` (the call being moved). Both reads run together, once; the result serves
 * {@link assertPlannedCapAllows} for any slot ≥ `from`.
 */
export async function plannedCapCounts(
  deps: PlanDeps,
  clinicId: string,
  phoneNumber: string,
  from: Date,
  exceptCallId?: string,
): Promise<Date[]> {
  const since = new Date(from.getTime() - WINDOW_MS);
  const [dials, planned] = await Promise.all([
    deps.numberUsage.dialsSince(clinicId, phoneNumber, since),
    deps.calls.listScheduledToNumber(clinicId, phoneNumber, since),
  ]);
  return [
    ...dials.map((d) => new Date(d.at)),
    ...planned.filter((c) => c.callId !== exceptCallId).map((c) => new Date(c.scheduledFor)),
  ];
}

/**
 * Refuses, with no I/O, a call at `at` (≥ the `from` the counts were read for) that would push the number past its
 * cap in any 30-day window containing `at` (`checkPlannedNumberCap`).
 * @throws AppError 409 `number_cap_reached` (with `freesAt`).
 */
export function assertPlannedCapAllows(clinic: Clinic, counted: readonly Date[], at: Date): void {
  const check = checkPlannedNumberCap([...counted], at, clinic.maxCallsPer30Days);
  if (!check.allowed) throw capError(check);
}

/**
 * Refuses, before anything is stored, a call that would push the number past its cap in any 30-day window
 * ({@link plannedCapCounts} + {@link assertPlannedCapAllows}).
 * @throws AppError 409 `number_cap_reached` (with `freesAt`).
 */
export async function assertUnderNumberCap(
  deps: PlanDeps,
  clinic: Clinic,
  phoneNumber: string,
  at: Date,
  exceptCallId?: string,
): Promise<void> {
  assertPlannedCapAllows(clinic, await plannedCapCounts(deps, clinic.clinicId, phoneNumber, at, exceptCallId), at);
}

/** The 409 answer for a refused check. */
export function capError(check: Extract<NumberCapCheck, { allowed: false }>): AppError {
  return new AppError(409, 'number_cap_reached', check.message, undefined, { freesAt: check.freesAt.toISOString() });
}

/**
 * Records the dial the dialer is about to place, only while the number has fewer than the cap's dials in the 30 days
 * before it — atomically (the store's conditional transaction): of two dialers racing for the last place exactly one
 * dials. A refusal says when the number frees up. Idempotent for the same dial.
 */
export async function reserveDial(deps: CapDeps, clinic: Clinic, dial: DialRecord): Promise<NumberCapCheck> {
  const at = new Date(dial.at);
  const reserved = await deps.numberUsage.recordDialUnderCap(clinic.clinicId, dial, clinic.maxCallsPer30Days, new Date(at.getTime() - WINDOW_MS));
  if (reserved.recorded) return { allowed: true };
  // Later-stamped concurrent dials are counted as if made at `at`, so the check refuses like the count did.
  const check = checkNumberCap(reserved.dials.map((d) => new Date(Math.min(Date.parse(d.at), at.getTime()))), at, clinic.maxCallsPer30Days);
  return check.allowed ? { allowed: false, freesAt: at, message: 'The per-number cap is reached (FCC 20-186); not dialled' } : check;
}

/** Forgets a reserved dial that never reached the carrier (provider at capacity, request refused). */
export async function releaseDial(deps: CapDeps, clinicId: string, dial: DialRecord): Promise<void> {
  await deps.numberUsage.releaseDial(clinicId, dial);
}
