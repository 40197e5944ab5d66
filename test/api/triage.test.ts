import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { Call, ListCallsResponse, type CallRecord } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { DEMO_CLINIC_ID } from '@vfc/backend/local/seed-demo';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbCallStore } from '@vfc/backend/adapters/dynamodb/dynamodb-call-store';
import { apiClient, pollUntil } from '../support/api.js';

/**
 * Triage, the clinic-wide follow-up list, resolving and the CSV export, on the real local stack (DynamoDB Local,
 * Scheduler emulator, Retell simulator, the real handlers) with the local time scale: 300 virtual ms per real ms, so
 * the 5/10/20-minute retries of an unanswered number take seconds. The demo clinic is open around the clock (demo
 * mode). Each test uses its own destination number (the simulator scripts outcomes by the last four digits; the
 * per-number cap counts every dial to a number).
 */
const SCALE = 300;
const MINUTE = 60_000;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ timeScale: SCALE, callDurationMs: 300 });
});
afterAll(() => stack?.stop());

/** Every answer is checked against the OpenAPI document (test/support/api.ts). */
const api = apiClient(() => stack.apiUrl, () => stack.staffToken);

const callTo = (phoneNumber: string, petName = 'Bella') => ({
  consultationId: '310390',
  petName,
  ownerName: 'Jane Doe',
  phoneNumber,
  scheduledFor: new Date(stack.now().getTime() + MINUTE).toISOString(),
});

/** The call once it ended; an answered one once its analysis (call_analyzed, after the ending) brought the summary. */
const waitForTerminal = (callId: string, realTimeoutMs = 45_000): Promise<Call> =>
  pollUntil(
    async () => Call.parse((await api(`/calls/${callId}`)).json),
    (call) => call.status === 'failed' || call.status === 'cancelled' || (call.status === 'completed' && Boolean(call.outcome?.summary)),
    { timeoutMs: realTimeoutMs, intervalMs: 100, describe: (call) => `call still ${call.status} at attempt ${call.attempt}` },
  );

const issuePaths = (json: { issues?: { path: string }[] }) => (json.issues ?? []).map((issue) => issue.path);

describe('triage and the follow-up list on the local stack (time scale ×300)', () => {
  it('an urgent call (0108) is flagged, listed first, resolved by the token label, and exported with a neutralised note', async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+14155550108')) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ attention: 'none', attentionReasons: [] });
    const done = await waitForTerminal(created.json.callId);

    expect(done).toMatchObject({ status: 'completed', statusCode: 'completed', attention: 'urgent' });
    expect(done.attentionReasons).toEqual(['concern_urgent', 'callback_requested']);
    expect(done.outcome).toMatchObject({ concernLevel: 'urgent', callbackRequested: true });
    expect(done.outcome?.transcript?.length).toBeGreaterThanOrEqual(4);
    expect(new Set(done.outcome?.transcript?.map((turn) => turn.role))).toEqual(new Set(['agent', 'owner']));
    expect(done.outcome?.transcript?.[1]?.text).toContain('Bella has been vomiting');
    const recording = await fetch(done.outcome!.recordingUrl!);
    expect(recording.status).toBe(200);
    expect(recording.headers.get('content-type')).toBe('audio/wav');

    // A call with nothing to report, made after it, is newer — yet the urgent filter lists the urgent call first.
    const calm = await waitForTerminal((await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+14155550123', 'Rex')) })).json.callId);
    expect(calm).toMatchObject({ status: 'completed', attention: 'none', attentionReasons: [] });
    const urgent = ListCallsResponse.parse((await api('/calls?attention=urgent&resolved=false')).json);
    expect(urgent.items[0]?.callId).toBe(done.callId);
    expect(urgent.items.map((call) => call.callId)).not.toContain(calm.callId);

    const note = '=HYPERLINK("http://example.com","called back")';
    const before = stack.now().getTime();
    const resolved = await api(`/calls/${done.callId}/resolve`, { method: 'POST', body: JSON.stringify({ note }) });
    const after = stack.now().getTime();
    expect(resolved.status).toBe(200);
    expect(resolved.json.resolution).toMatchObject({ resolvedBy: 'Demo clinic staff token', note });
    const resolvedAt = Date.parse(resolved.json.resolution.resolvedAt);
    expect(resolvedAt).toBeGreaterThanOrEqual(before);
    expect(resolvedAt).toBeLessThanOrEqual(after);
    // Idempotent: the same request again answers 200 with the same resolution.
    const again = await api(`/calls/${done.callId}/resolve`, { method: 'POST', body: JSON.stringify({ note: 'second' }) });
    expect(again.status).toBe(200);
    expect(again.json.resolution).toEqual(resolved.json.resolution);

    const open = ListCallsResponse.parse((await api('/calls?attention=urgent&resolved=false')).json);
    expect(open.items.map((call) => call.callId)).not.toContain(done.callId);
    const closed = ListCallsResponse.parse((await api('/calls?attention=urgent&resolved=true')).json);
    expect(closed.items.map((call) => call.callId)).toContain(done.callId);

    const from = new Date(stack.now().getTime() - 24 * 60 * MINUTE).toISOString();
    const to = new Date(stack.now().getTime() + 24 * 60 * MINUTE).toISOString();
    const csv = await api(`/calls/export.csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')[0]).toBe(
      'scheduledFor,status,statusCode,attempts,attention,reasons,pet,owner,phone,summary,sentiment,resolvedAt,resolvedBy,resolutionNote,callId,consultationId',
    );
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.callId === done.callId);
    expect(row).toMatchObject({
      status: 'completed',
      statusCode: 'completed',
      attempts: '1',
      attention: 'urgent',
      reasons: 'concern_urgent;callback_requested',
      pet: 'Bella',
      owner: 'Jane Doe',
      // A leading `+` is a formula character too: the phone cell is neutralised like the note.
      phone: "'+14155550108",
      sentiment: 'Negative',
      resolvedBy: 'Demo clinic staff token',
      resolutionNote: `'${note}`,
    });
    // Times in the clinic's zone (the demo clinic: America/Los_Angeles), with the offset.
    expect(row?.scheduledFor).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d -0[78]:00$/);
    expect(rows.filter((r) => r.callId === done.callId)).toHaveLength(1);

    const reopened = await api(`/calls/${done.callId}/resolve`, { method: 'DELETE' });
    expect(reopened.status).toBe(200);
    expect(reopened.json.resolution).toBeUndefined();
    expect(ListCallsResponse.parse((await api('/calls?attention=urgent&resolved=false')).json).items[0]?.callId).toBe(done.callId);
  });

  it('a minor concern (0109) asks for review with the owner question', async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+15105550109')) });
    const done = await waitForTerminal(created.json.callId);
    expect(done).toMatchObject({ status: 'completed', attention: 'review', attentionReasons: ['concern_minor', 'owner_questions'] });
    expect(done.outcome?.ownerQuestions).toBe('When can the cone come off?');
  });

  it('a number that never answers (0101) ends failed with attention review and reason unreachable', async () => {
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(callTo('+13125550101')) });
    const done = await waitForTerminal(created.json.callId);
    expect(done).toMatchObject({ status: 'failed', attention: 'review', attentionReasons: ['unreachable'] });
    // Three dials use up the number's 30-day cap (3), so the fourth attempt is refused by the cap.
    expect(done.statusCode).toBe('number_cap_reached');
    expect(done.attempts).toHaveLength(3);
  });

  it('a call that has not ended cannot be resolved (409); a note over 1,000 characters is a 400 naming note', async () => {
    const later = { ...callTo('+16175550123'), scheduledFor: new Date(stack.now().getTime() + 24 * 60 * MINUTE).toISOString() };
    const created = await api('/calls', { method: 'POST', body: JSON.stringify(later) });
    const refused = await api(`/calls/${created.json.callId}/resolve`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(409);
    const long = await api(`/calls/${created.json.callId}/resolve`, { method: 'POST', body: JSON.stringify({ note: 'x'.repeat(1001) }) });
    expect(long.status).toBe(400);
    expect(issuePaths(long.json)).toEqual(['note']);
  });

  it('pages through a 250-call day returning every call exactly once, with and without a filter', async () => {
    // 250 calls on a day no other test uses, written straight to the table (2 per scheduled minute, so ties on
    // `scheduledFor` are paged too); every third needs review.
    const store = new DynamoDbCallStore(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName);
    const day = Date.parse('2027-03-10T08:00:00.000Z');
    const ids: string[] = [];
    const review: string[] = [];
    await Promise.all(
      Array.from({ length: 250 }, (_, i) => {
        const callId = `paged-${String(i).padStart(3, '0')}`;
        const scheduledFor = new Date(day + Math.floor(i / 2) * MINUTE).toISOString();
        const needsReview = i % 3 === 0;
        ids.push(callId);
        if (needsReview) review.push(callId);
        const call: CallRecord = {
          callId,
          clinicId: DEMO_CLINIC_ID,
          consultationId: '777',
          status: needsReview ? 'failed' : 'completed',
          scheduledFor,
          attention: needsReview ? 'review' : 'none',
          attentionReasons: needsReview ? ['unreachable'] : [],
          phoneNumber: '+14155550123',
          petName: 'Rex',
          ownerName: 'Ana Silva',
          attempt: 1,
          attempts: [{ attempt: 1, scheduledFor }],
          createdAt: scheduledFor,
          updatedAt: scheduledFor,
          version: 0,
          expiresAt: Math.floor(day / 1000) + 400 * 86_400,
        };
        return store.create(call, { at: scheduledFor, type: 'created', dedupeKey: 'created' });
      }),
    );
    const range = `from=${encodeURIComponent('2027-03-10T00:00:00Z')}&to=${encodeURIComponent('2027-03-11T00:00:00Z')}`;
    const readAll = async (query: string, limit: number) => {
      const seen: Call[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await api(`/calls?${range}&${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.status).toBe(200);
        const body = ListCallsResponse.parse(page.json);
        if (body.nextCursor) expect(body.items).toHaveLength(limit);
        seen.push(...body.items);
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 100);
      return { seen, pages };
    };

    const all = await readAll('', 37);
    expect(all.seen).toHaveLength(250);
    expect(new Set(all.seen.map((call) => call.callId)).size).toBe(250);
    expect([...all.seen.map((call) => call.callId)].sort()).toEqual([...ids].sort());
    expect(all.pages).toBe(Math.ceil(250 / 37));
    // Newest first.
    const times = all.seen.map((call) => Date.parse(call.scheduledFor));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const filtered = await readAll('attention=review&status=failed', 7);
    expect(filtered.seen.map((call) => call.callId).sort()).toEqual([...review].sort());
    expect(new Set(filtered.seen.map((call) => call.callId)).size).toBe(review.length);
  });

  it('bad list and export parameters are 400s naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/calls?limit=0', 'limit'],
      ['/calls?limit=101', 'limit'],
      ['/calls?limit=ten', 'limit'],
      ['/calls?attention=critical', 'attention'],
      ['/calls?status=done', 'status'],
      ['/calls?resolved=maybe', 'resolved'],
      ['/calls?from=yesterday', 'from'],
      ['/calls?to=2027-13-01T00:00:00Z', 'to'],
      ['/calls?from=2027-03-11T00:00:00Z&to=2027-03-10T00:00:00Z', 'to'],
      ['/calls?cursor=not-a-cursor', 'cursor'],
      ['/calls/export.csv?to=2027-03-11T00:00:00Z', 'from'],
      ['/calls/export.csv?from=2027-01-01T00:00:00Z&to=2027-04-04T00:00:00Z', 'to'],
    ];
    for (const [path, parameter] of cases) {
      const res = await api(path);
      expect({ path, status: res.status, error: res.json?.error }).toEqual({ path, status: 400, error: 'validation_error' });
      expect({ path, issues: issuePaths(res.json) }).toEqual({ path, issues: [parameter] });
    }
    // Exactly 92 days is allowed.
    expect((await api('/calls/export.csv?from=2027-01-01T00:00:00Z&to=2027-04-03T00:00:00Z')).status).toBe(200);
  });
});
