import { describe, expect, it } from 'vitest';
import { NUMBER_CAP_WINDOW_DAYS, checkNumberCap, checkPlannedNumberCap } from './number-cap.js';

const DAY = 86_400_000;
const at = new Date('2026-06-30T15:00:00.000Z');
const ago = (days: number, extraMs = 0) => new Date(at.getTime() - days * DAY - extraMs);

describe('checkNumberCap (FCC 20-186: 3 calls per 30 days)', () => {
  it('uses a 30-day window', () => {
    expect(NUMBER_CAP_WINDOW_DAYS).toBe(30);
  });

  it('allows a number never dialled', () => {
    expect(checkNumberCap([], at, 3)).toEqual({ allowed: true });
  });

  it('allows the third call when two were made in the window', () => {
    expect(checkNumberCap([ago(1), ago(2)], at, 3)).toEqual({ allowed: true });
  });

  it('refuses the fourth call and says when the oldest dial leaves the window', () => {
    const result = checkNumberCap([ago(2), ago(10), ago(20)], at, 3);
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.freesAt.toISOString()).toBe(new Date(ago(20).getTime() + 30 * DAY).toISOString());
    expect(result.message).toContain('3 automated calls');
    expect(result.message).toContain('limit 3');
    expect(result.message).toContain(result.freesAt.toISOString());
  });

  it('at freesAt the call is allowed, 1 ms earlier it is not', () => {
    const dials = [ago(2), ago(10), ago(20)];
    const result = checkNumberCap(dials, at, 3);
    if (result.allowed) throw new Error('expected refusal');
    expect(checkNumberCap(dials, result.freesAt, 3)).toEqual({ allowed: true });
    expect(checkNumberCap(dials, new Date(result.freesAt.getTime() - 1), 3).allowed).toBe(false);
  });

  it('a dial exactly 30 days ago no longer counts; one 30 days minus 1 ms ago does', () => {
    expect(checkNumberCap([ago(30), ago(1), ago(2)], at, 3)).toEqual({ allowed: true });
    expect(checkNumberCap([ago(30, -1), ago(1), ago(2)], at, 3).allowed).toBe(false);
  });

  it('retries count like any other dial, in any order', () => {
    // one call, first attempt + two retries on the same afternoon
    const sameDay = [ago(0, 3 * 60_000), ago(0, 8 * 60_000), ago(0, 13 * 60_000)];
    const result = checkNumberCap(sameDay.reverse(), at, 3);
    expect(result.allowed).toBe(false);
    if (!result.allowed) expect(result.freesAt.getTime()).toBe(at.getTime() - 13 * 60_000 + 30 * DAY);
  });

  it('with more dials than the cap (e.g. the clinic lowered it), waits until enough have left', () => {
    const dials = [ago(1), ago(5), ago(9), ago(12)];
    const result = checkNumberCap(dials, at, 2);
    if (result.allowed) throw new Error('expected refusal');
    // 4 dials, cap 2: the three oldest must leave → the 3rd oldest (5 days ago) leaves 25 days from now
    expect(result.freesAt.getTime()).toBe(ago(5).getTime() + 30 * DAY);
    expect(checkNumberCap(dials, result.freesAt, 2)).toEqual({ allowed: true });
  });

  it('a clinic cap of 1 refuses any second call within 30 days', () => {
    expect(checkNumberCap([ago(29)], at, 1).allowed).toBe(false);
    expect(checkNumberCap([ago(31)], at, 1)).toEqual({ allowed: true });
  });

  it('ignores dials after the checked instant', () => {
    expect(checkNumberCap([ago(-1), ago(-2), ago(-3)], at, 3)).toEqual({ allowed: true });
  });

  it.each([0, -1, 1.5])('rejects maxCalls %s', (max) => {
    expect(() => checkNumberCap([], at, max)).toThrow(RangeError);
  });
});

describe('checkPlannedNumberCap (made and planned dials, any 30-day window containing the new call)', () => {
  const inDays = (days: number) => new Date(at.getTime() + days * DAY);

  it('allows a third call between two planned ones', () => {
    expect(checkPlannedNumberCap([inDays(-2), inDays(3)], at, 3)).toEqual({ allowed: true });
  });

  it('refuses a fourth call when three planned calls later in the week share its window, freeing 30 days after the first', () => {
    const check = checkPlannedNumberCap([inDays(1), inDays(2), inDays(3)], at, 3);
    expect(check).toMatchObject({ allowed: false, freesAt: inDays(31) });
  });

  it('refuses a call planned before three others when all four would fall in one window', () => {
    // The window [at, at + 30 d) would hold at and the three at +10, +20, +29 days.
    const check = checkPlannedNumberCap([inDays(10), inDays(20), inDays(29)], at, 3);
    expect(check).toMatchObject({ allowed: false, freesAt: inDays(40) });
  });

  it('allows the call once the third planned call is exactly 30 days away', () => {
    expect(checkPlannedNumberCap([inDays(10), inDays(20), inDays(30)], at, 3)).toEqual({ allowed: true });
  });

  it('looks past overlapping blocked stretches for freesAt', () => {
    // Runs (−20,−10,−5), (−10,−5,+12), (−5,+12,+14) block until +10, +20 and +25: the first free instant is +25.
    const check = checkPlannedNumberCap([inDays(-20), inDays(-10), inDays(-5), inDays(12), inDays(14)], at, 3);
    expect(check).toMatchObject({ allowed: false, freesAt: inDays(25) });
  });

  it('ignores three dials that never share a window with each other', () => {
    expect(checkPlannedNumberCap([inDays(-20), inDays(-10), inDays(25)], at, 3)).toEqual({ allowed: true });
  });

  it('counts a lower clinic cap', () => {
    expect(checkPlannedNumberCap([inDays(5)], at, 1)).toMatchObject({ allowed: false, freesAt: inDays(5 + 30) });
  });
});
