import type { WaitingDial } from '../../ports/dial-slots.js';

/** One clinic's part of the waiting line, as a taker read it. */
export interface ClinicLine {
  clinicId: string;
  /**
   * The clinic's place in the rotation: the sequence number of the last time one of its calls was given a slot
   * (0 = never, or not since its line last emptied). Lower is served first.
   */
  servedSeq: number;
  /** The first waiting dials of the clinic, earliest due first (a prefix of its line, not necessarily all of it). */
  heads: WaitingDial[];
}

/** What {@link pickRoundRobin} chose. */
export interface RoundRobinPick {
  /** The dials to give a slot, in the order they were chosen. */
  dials: WaitingDial[];
  /**
   * The clinics served, in the order their LAST pick was made: the first of them goes back to the rotation before the
   * second, and so on (a clinic that got one call fewer than another in this batch is served first next time).
   */
  servedOrder: string[];
}

/** Lines in rotation order: least recently served first, then by clinic id so every taker agrees. */
export function rotationOrder(lines: readonly ClinicLine[]): ClinicLine[] {
  return [...lines].sort((a, b) => a.servedSeq - b.servedSeq || (a.clinicId < b.clinicId ? -1 : a.clinicId > b.clinicId ? 1 : 0));
}

/**
 * Round-robin over clinics: one call from each clinic in rotation order (each clinic's own calls in due order), then a
 * second from each that has one, and so on, until `max` dials are chosen or every head is used. So a clinic with 1,000
 * calls due gets one slot per round like a clinic with one — its burst cannot hold the others' calls behind it — while
 * slots are never left idle when only one clinic waits (work-conserving).
 * @param lines the clinics with waiting dials (any order; {@link rotationOrder} is applied).
 * @param max the most dials to choose (the free slots), ≥ 0.
 */
export function pickRoundRobin(lines: readonly ClinicLine[], max: number): RoundRobinPick {
  const ordered = rotationOrder(lines).filter((line) => line.heads.length > 0);
  const dials: WaitingDial[] = [];
  const lastPick = new Map<string, number>();
  for (let round = 0; dials.length < max; round += 1) {
    let pickedThisRound = false;
    for (const line of ordered) {
      const next = line.heads[round];
      if (!next) continue;
      lastPick.set(line.clinicId, dials.length);
      dials.push(next);
      pickedThisRound = true;
      if (dials.length >= max) break;
    }
    if (!pickedThisRound) break;
  }
  const servedOrder = [...lastPick].sort((a, b) => a[1] - b[1]).map(([clinicId]) => clinicId);
  return { dials, servedOrder };
}
