import { describe, expect, it } from 'vitest';
import { percentile, round, runPool } from './stats.js';

describe('bench statistics', () => {
  it('percentile uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('round keeps the asked decimals', () => {
    expect(round(1.2345, 2)).toBe(1.23);
    expect(round(1.25, 1)).toBe(1.3);
  });

  it('runPool never runs more than `concurrency` tasks and keeps result order', async () => {
    let live = 0;
    let peak = 0;
    const out = await runPool(20, 4, async (i) => {
      live += 1;
      peak = Math.max(peak, live);
      for (let turn = 0; turn <= i % 3; turn++) await new Promise((r) => setImmediate(r)); // overlap without a clock
      live -= 1;
      return i * 2;
    });
    expect(peak).toBe(4);
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });
});
