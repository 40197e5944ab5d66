import { describe, expect, it } from 'vitest';
import { callNotices } from './call-notices';

describe('callNotices', () => {
  it('flags an owner who asked not to be called again', () => {
    expect(callNotices({ status: 'completed', outcome: { optOutRequested: true } }).map((n) => n.kind)).toEqual(['opt_out_requested']);
  });

  it("flags a call cancelled because the number is on the do-not-call list (the backend's reason)", () => {
    const call = { status: 'cancelled' as const, statusReason: "Cancelled: the number is on the clinic's do-not-call list" };
    expect(callNotices(call)).toEqual([{ kind: 'do_not_call', label: 'Do-not-call list', text: 'Not called: the number is on the do-not-call list.' }]);
  });

  it('flags a call failed at dial time by the per-number cap', () => {
    const statusReason =
      'This number has already had 3 automated calls in the last 30 days (limit 3, FCC 20-186); the next call is possible from 2026-12-24T15:00:00.000Z';
    expect(callNotices({ status: 'failed', statusReason }).map((n) => n.kind)).toEqual(['number_cap']);
  });

  it('says nothing for ordinary calls, nor for a scheduled call whose move reason mentions nothing of the sort', () => {
    expect(callNotices({ status: 'failed', statusReason: 'No answer after 3 attempts' })).toEqual([]);
    expect(callNotices({ status: 'scheduled', statusReason: 'Moved into calling hours' })).toEqual([]);
    expect(callNotices({ status: 'completed', outcome: { optOutRequested: false } })).toEqual([]);
  });
});
