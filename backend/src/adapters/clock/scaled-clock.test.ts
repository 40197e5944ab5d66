import { describe, expect, it } from 'vitest';
import { clockFromEnv, createScaledClock } from './scaled-clock.js';
import { systemClock } from './system-clock.js';

describe('createScaledClock', () => {
  it('equals real time at the origin and then runs `scale` times faster', () => {
    let real = 1_000_000;
    const clock = createScaledClock({ scale: 600, originMs: 1_000_000, realNow: () => real });
    expect(clock.nowMs()).toBe(1_000_000);
    real += 500; // half a real second
    expect(clock.nowMs()).toBe(1_000_000 + 300_000); // five virtual minutes
    expect(clock.now()).toEqual(new Date(1_300_000));
  });

  it('two clocks with the same origin and scale agree (backend and scheduler emulator)', () => {
    let real = 5_000;
    const a = createScaledClock({ scale: 60, originMs: 1_000, realNow: () => real });
    real = 9_000;
    const b = createScaledClock({ scale: 60, originMs: 1_000, realNow: () => real });
    expect(a.nowMs()).toBe(b.nowMs());
  });

  it('refuses a scale below 1', () => {
    expect(() => createScaledClock({ scale: 0.5, originMs: 0 })).toThrow(RangeError);
  });
});

describe('clockFromEnv', () => {
  it('is the wall clock unless LOCAL_TIME_SCALE is set above 1', () => {
    expect(clockFromEnv({})).toBe(systemClock);
    expect(clockFromEnv({ LOCAL_TIME_SCALE: '1' })).toBe(systemClock);
  });

  it('runs ahead of the wall clock with a scale and an origin in the past', () => {
    const origin = Date.now() - 1_000;
    const clock = clockFromEnv({ LOCAL_TIME_SCALE: '100', LOCAL_TIME_ORIGIN: String(origin) });
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(origin + 100_000);
  });

  it('refuses a scale without an origin, or a malformed scale', () => {
    expect(() => clockFromEnv({ LOCAL_TIME_SCALE: '10' })).toThrow(/LOCAL_TIME_ORIGIN/);
    expect(() => clockFromEnv({ LOCAL_TIME_SCALE: 'fast', LOCAL_TIME_ORIGIN: '0' })).toThrow(/LOCAL_TIME_SCALE/);
  });
});
