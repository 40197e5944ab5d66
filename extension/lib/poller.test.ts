import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPoller, type ReadOutcome, type VisibilitySource } from './poller';

class FakeVisibility extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  set(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const START = Date.parse('2026-11-24T15:00:00.000Z');
const seconds = (times: number[]) => times.map((t) => (t - START) / 1000);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

function counter(outcome: () => ReadOutcome<number> = () => ({ ok: true, value: 1 })) {
  const times: number[] = [];
  return {
    times,
    read: async () => {
      times.push(Date.now());
      return outcome();
    },
  };
}

describe('startPoller', () => {
  it('follows the delay it is given and stops when told', async () => {
    const c = counter();
    const poller = startPoller({ read: c.read, nextDelay: () => 10_000, visibility: new FakeVisibility() as unknown as VisibilitySource });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(seconds(c.times)).toEqual([0, 10, 20]);
    poller.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seconds(c.times)).toEqual([0, 10, 20]);
  });

  it('passes the failure count to the schedule and resets it after a success', async () => {
    let n = 0;
    const seen: number[] = [];
    const c = counter(() => (++n <= 2 ? { ok: false } : { ok: true, value: n }));
    startPoller({
      read: c.read,
      nextDelay: (_last, failures) => {
        seen.push(failures);
        return 1_000;
      },
      visibility: new FakeVisibility() as unknown as VisibilitySource,
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(seen).toEqual([1, 2, 0, 0]);
  });

  it('does not start while hidden; a read due while hidden happens when shown, at its due time', async () => {
    const visibility = new FakeVisibility();
    visibility.visibilityState = 'hidden';
    const c = counter();
    startPoller({ read: c.read, nextDelay: () => 30_000, visibility: visibility as unknown as VisibilitySource });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(c.times).toEqual([]);
    visibility.set('visible');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seconds(c.times)).toEqual([5]);
    visibility.set('hidden');
    visibility.set('visible'); // before the next read is due: it stays at its time
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seconds(c.times)).toEqual([5, 35]);
  });

  it('a refresh during a read reads once more right after it, and none is lost or doubled', async () => {
    let release: (() => void) | undefined;
    const times: number[] = [];
    const poller = startPoller<number>({
      read: () =>
        new Promise((resolve) => {
          times.push(Date.now());
          release = () => resolve({ ok: true, value: 1 });
        }),
      nextDelay: () => undefined,
      visibility: new FakeVisibility() as unknown as VisibilitySource,
    });
    await vi.advanceTimersByTimeAsync(0);
    poller.refresh();
    poller.refresh();
    release!();
    await vi.advanceTimersByTimeAsync(0);
    release!();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(2);
  });
});
