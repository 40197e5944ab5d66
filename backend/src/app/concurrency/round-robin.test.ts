import { describe, expect, it } from 'vitest';
import type { WaitingDial } from '../../ports/dial-slots.js';
import { pickRoundRobin, type ClinicLine } from './round-robin.js';

const dial = (clinicId: string, n: number): WaitingDial => ({
  clinicId,
  callId: `${clinicId}-${n}`,
  attempt: 1,
  dueAt: `2026-12-01T17:00:${String(n).padStart(2, '0')}.000Z`,
});
const line = (clinicId: string, servedSeq: number, count: number): ClinicLine => ({
  clinicId,
  servedSeq,
  heads: Array.from({ length: count }, (_, n) => dial(clinicId, n)),
});

describe('pickRoundRobin', () => {
  it('takes one call from each clinic per round, least recently served clinic first, each clinic in due order', () => {
    const { dials } = pickRoundRobin([line('big', 7, 10), line('b', 0, 2), line('a', 0, 1)], 6);
    expect(dials.map((d) => d.callId)).toEqual(['a-0', 'b-0', 'big-0', 'b-1', 'big-1', 'big-2']);
  });

  it('gives every free slot to the only waiting clinic', () => {
    expect(pickRoundRobin([line('big', 3, 30)], 20).dials).toHaveLength(20);
  });

  it('stops when every head is used, below max', () => {
    expect(pickRoundRobin([line('a', 0, 2), line('b', 1, 1), line('c', 2, 0)], 20).dials.map((d) => d.callId)).toEqual(['a-0', 'b-0', 'a-1']);
  });

  it('orders the served clinics by their last pick, so one that got fewer calls this batch comes first next time', () => {
    // k = 5 over a, b, c: a, b, c, a, b → last picks c (2), a (3), b (4).
    expect(pickRoundRobin([line('a', 0, 5), line('b', 1, 5), line('c', 2, 5)], 5).servedOrder).toEqual(['c', 'a', 'b']);
  });

  it('chooses nothing for max 0 or no waiting clinic', () => {
    expect(pickRoundRobin([line('a', 0, 3)], 0)).toEqual({ dials: [], servedOrder: [] });
    expect(pickRoundRobin([], 5)).toEqual({ dials: [], servedOrder: [] });
  });
});
