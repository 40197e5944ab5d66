import { describe, expect, it } from 'vitest';
import { callNotices } from './call-notices';

describe('callNotices', () => {
  it('flags an owner who asked not to be called again', () => {
    expect(callNotices({ status: 'completed', outcome: { optOutRequested: true } }).map((n) => n.kind)).toEqual(['opt_out_requested']);
  });

  it('flags a call cancelled because the number is on the do-not-call list, from its status code', () => {
    const call = { status: 'cancelled' as const, statusCode: 'opted_out' as const };
    expect(callNotices(call)).toEqual([{ kind: 'do_not_call', label: 'Do-not-call list', text: 'Not called: the number is on the do-not-call list.' }]);
  });

  it('flags a call failed at dial time by the per-number cap, from its status code', () => {
    expect(callNotices({ status: 'failed', statusCode: 'number_cap_reached' }).map((n) => n.kind)).toEqual(['number_cap']);
  });

  it('ignores the wording of the reason: only the code counts', () => {
    const worded = { status: 'failed' as const, statusReason: "Cancelled: the number is on the clinic's do-not-call list (FCC 20-186)" };
    expect(callNotices(worded)).toEqual([]);
    expect(callNotices({ ...worded, statusCode: 'max_attempts' })).toEqual([]);
  });

  it('says nothing for ordinary calls, nor for a scheduled call moved into calling hours', () => {
    expect(callNotices({ status: 'failed', statusCode: 'max_attempts' })).toEqual([]);
    expect(callNotices({ status: 'scheduled', statusCode: 'moved_to_window' })).toEqual([]);
    expect(callNotices({ status: 'completed', statusCode: 'completed', outcome: { optOutRequested: false } })).toEqual([]);
  });
});
