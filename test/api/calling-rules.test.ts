import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call, ClinicSettings, ListOptOutsResponse, MAX_RETRIES } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { apiClient, pollUntil, callRequestAt } from '../support/api.js';

/**
 * The calling rules (docs/calling-rules.md) end to end, on the real local stack (DynamoDB Local, Scheduler emulator, Retell simulator, real handlers),
 * with the local time scale: 300 virtual ms per real ms, so the 5- and 10-minute retry delays take 1 and 2 real
 * seconds. The demo clinic is open around the clock with the 08:00–21:00 recipient bound off (demo mode), so nothing
 * here depends on the hour the test runs; the window itself is tested with injected clocks in shared/ and backend/.
 * Each test uses its own destination number: the simulator scripts outcomes by the last four digits and the
 * per-number cap counts every dial to a number.
 */
const SCALE = 300;
const MINUTE = 60_000;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ timeScale: SCALE, callDurationMs: 300 });
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

/**
 * A call request `inMinutes` VIRTUAL minutes from the stack's now. The default (10 virtual minutes = 2 real seconds
 * at ×300) leaves room for a slow first request on a loaded machine, which must not find its time already past.
 */
const callTo = (phoneNumber: string, inMinutes = 10, consultationId = '310382') => callRequestAt(stack.now(), phoneNumber, inMinutes, consultationId);

const waitForTerminal = (callId: string, realTimeoutMs = 45_000): Promise<Call> =>
  pollUntil(
    async () => Call.parse((await api(`/calls/${callId}`)).json),
    (call) => ['completed', 'failed', 'cancelled'].includes(call.status),
    { timeoutMs: realTimeoutMs, intervalMs: 100, describe: (call) => `call still ${call.status} at attempt ${call.attempt}` },
  );

const ms = (iso: string | undefined) => Date.parse(iso ?? 'invalid');

describe('calling rules on the local stack (time scale ×300)', () => {
  it('a number that does not answer twice, then answers, ends completed at attempt 3 with 5- and 10-minute spacing', async () => {
    const number = '+12125550106'; // simulator script 0106: no answer, no answer, answered
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo(number)) });
    expect(created.status).toBe(201);
    const done = await waitForTerminal(created.json.callId);

    expect(done).toMatchObject({ status: 'completed', attempt: 3 });
    expect(done.outcome?.disconnectionReason).toBe('user_hangup');
    const [first, second, third] = done.attempts;
    expect(done.attempts).toHaveLength(3);
    expect([first?.disconnectionReason, second?.disconnectionReason, third?.disconnectionReason]).toEqual([
      'dial_no_answer',
      'dial_no_answer',
      'user_hangup',
    ]);
    // Each retry is scheduled `delay` after the previous attempt ENDED (virtual time): exactly 5 and 10 minutes when
    // the webhook arrives within the delay. The upper bounds allow for a webhook more than 1 real second late on a
    // loaded machine (the retry is then placed from the moment it was received) and still tell 5 from 10 from 20.
    const gap1 = ms(second?.scheduledFor) - ms(first?.endedAt);
    const gap2 = ms(third?.scheduledFor) - ms(second?.endedAt);
    expect(gap1).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(gap1).toBeLessThan(8 * MINUTE);
    expect(gap2).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(gap2).toBeLessThan(13 * MINUTE);
    for (const a of done.attempts) expect(ms(a.dialedAt)).toBeGreaterThanOrEqual(ms(a.scheduledFor));
    expect(stack.simulator?.stats().callsByToNumber[number]).toBe(3);
  });

  it('a number that never answers ends failed after min(cap, retry limit) dials: with the default cap 3 the cap wins', async () => {
    const number = '+13125550101'; // simulator script 0101: never answers
    // The retry policy alone would allow 1 + MAX_RETRIES = 4 dials; FCC 20-186's cap (3 per 30 days) is lower.
    expect(1 + MAX_RETRIES).toBe(4);
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo(number)) });
    expect(created.status).toBe(201);
    const done = await waitForTerminal(created.json.callId);

    expect(done.status).toBe('failed');
    expect(done.attempts).toHaveLength(3);
    expect(done.attempts.every((a) => a.disconnectionReason === 'dial_no_answer')).toBe(true);
    expect(done.statusReason).toMatch(/limit 3, FCC 20-186/);
    expect(stack.simulator?.stats().callsByToNumber[number]).toBe(3);

    // The cap also refuses a new call to that number, saying when it frees up (30 days after the first dial).
    const again = await api('/calls', { method: 'POST', body: JSON.stringify(callTo(number)) });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('number_cap_reached');
    expect(ms(again.json.freesAt)).toBe(ms(done.attempts[0]?.dialedAt) + 30 * 24 * 60 * MINUTE);
  });

  it('a number on the do-not-call list is refused (409) and never reaches the simulator; its scheduled calls are cancelled', async () => {
    const listed = '+14155550177';
    const scheduled = await api('/calls', { method: 'POST', body: JSON.stringify(callTo(listed, 24 * 60)) });
    expect(scheduled.status).toBe(201);

    const add = await api('/clinic/opt-outs', {
      method: 'POST',
      token: stack.adminToken,
      body: JSON.stringify({ phoneNumber: '(415) 555-0177', reason: 'Owner asked by email' }),
    });
    expect(add.status).toBe(201);
    expect(add.json).toMatchObject({ phoneNumber: listed, reason: 'Owner asked by email', source: 'staff' });
    expect(add.json.cancelledCallIds).toEqual([scheduled.json.callId]);
    const cancelled = Call.parse((await api(`/calls/${scheduled.json.callId}`)).json);
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: expect.stringMatching(/do-not-call list/) });
    expect(stack.scheduler.schedules().some((s) => s.name.includes(scheduled.json.callId))).toBe(false);

    const refused = await api('/calls', { method: 'POST', body: JSON.stringify(callTo(listed)) });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe('opted_out');
    expect(refused.json.message).toMatch(/do-not-call list/);

    const list = ListOptOutsResponse.parse((await api('/clinic/opt-outs', { token: stack.adminToken })).json);
    expect(list.items.map((o) => o.phoneNumber)).toContain(listed);
    expect((await api('/clinic/opt-outs', { token: stack.staffToken })).status).toBe(403);

    // Whatever is due fires now, and every dialer run it started finishes: none of them may reach the number.
    await stack.scheduler.fireDue();
    await stack.scheduler.idle();
    expect(stack.simulator?.stats().callsByToNumber[listed]).toBeUndefined();

    expect((await api('/clinic/opt-outs/%2B14155550177', { method: 'DELETE', token: stack.adminToken })).status).toBe(204);
    expect((await api('/clinic/opt-outs/%2B14155550177', { method: 'DELETE', token: stack.adminToken })).status).toBe(404);
    expect((await api('/calls', { method: 'POST', body: JSON.stringify(callTo(listed, 24 * 60)) })).status).toBe(201);
  });

  it('an owner who asks on the call not to be called again is added to the list automatically and shown on the call', async () => {
    const number = '+16175550105'; // simulator script 0105: answered, custom_analysis_data.opt_out = true
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo(number, 1, '777001')) });
    const done = await waitForTerminal(created.json.callId);
    expect(done.status).toBe('completed');
    // call_analyzed arrives after call_ended: wait for the analysis to be applied (the number appears on the list).
    const listed = await pollUntil(
      async () => ListOptOutsResponse.parse((await api('/clinic/opt-outs', { token: stack.adminToken })).json).items.filter((o) => o.phoneNumber === number),
      (items) => items.length > 0,
      { timeoutMs: 10_000, intervalMs: 100, describe: () => 'the number never reached the do-not-call list' },
    );
    expect(listed).toEqual([expect.objectContaining({ source: 'call', callId: done.callId })]);
    const onConsultation = (await api('/calls?consultationId=777001')).json.items[0];
    expect(onConsultation.outcome.optOutRequested).toBe(true);
    expect((await api('/calls', { method: 'POST', body: JSON.stringify(callTo(number)) })).status).toBe(409);
  });

  it('PATCH /calls/{id} moves a scheduled call (new schedule, old one deleted) and answers 409 once it is not scheduled', async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+14155550188', 24 * 60)) });
    const callId = created.json.callId;
    const oldSchedules = stack.scheduler.schedules().filter((s) => s.name.includes(callId));
    expect(oldSchedules).toHaveLength(1);

    const to = new Date(stack.now().getTime() + 48 * 60 * MINUTE).toISOString();
    const moved = await api(`/calls/${callId}`, { method: 'PATCH', body: JSON.stringify({ scheduledFor: to }) });
    expect(moved.status).toBe(200);
    expect(ms(moved.json.scheduledFor)).toBe(ms(to));
    expect(moved.json.attempts[0].scheduledFor).toBe(moved.json.scheduledFor);
    const schedules = stack.scheduler.schedules().filter((s) => s.name.includes(callId));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.name).not.toBe(oldSchedules[0]?.name);

    const bad = await api(`/calls/${callId}`, { method: 'PATCH', body: JSON.stringify({ scheduledFor: 'tomorrow' }) });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toContain('scheduledFor');
    await api(`/calls/${callId}`, { method: 'DELETE' });
    expect((await api(`/calls/${callId}`, { method: 'PATCH', body: JSON.stringify({ scheduledFor: to }) })).status).toBe(409);
  });

  it('GET/PUT /clinic/settings: admin only, partial updates keep the other fields, 400 with field paths', async () => {
    const before = ClinicSettings.parse((await api('/clinic/settings', { token: stack.adminToken })).json);
    expect(before).toMatchObject({ enforceRecipientWindow: false, maxCallsPer30Days: 3 }); // demo mode: bound off
    expect((await api('/clinic/settings')).status).toBe(403);

    const put = await api('/clinic/settings', {
      method: 'PUT',
      token: stack.adminToken,
      body: JSON.stringify({ maxCallsPer30Days: 2, closedDates: ['2026-12-25'] }),
    });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ ...before, maxCallsPer30Days: 2, closedDates: ['2026-12-25'] });

    const bad = await api('/clinic/settings', {
      method: 'PUT',
      token: stack.adminToken,
      body: JSON.stringify({ weeklyHours: { ...before.weeklyHours, mon: [{ start: '9am', end: '17:00' }] }, maxCallsPer30Days: 4, colour: 'x' }),
    });
    expect(bad.status).toBe(400);
    const paths = bad.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['weeklyHours.mon.0.start', 'maxCallsPer30Days']));

    const restore = await api('/clinic/settings', { method: 'PUT', token: stack.adminToken, body: JSON.stringify(before) });
    expect(restore.json).toEqual(before);
  });
});
