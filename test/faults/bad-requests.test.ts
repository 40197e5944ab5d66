import { createHash } from 'node:crypto';
import fc from 'fast-check';
import Retell from 'retell-sdk';
import { symmetric } from 'retell-sdk/lib/webhook_auth';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { API_KEY_KEY_PREFIX, PERSON_KEY_PREFIX } from '@vfc/shared/storage/table-design';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@vfc/shared';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';

/**
 * Generated bad requests (fast-check) against every route of API_ROUTES on the local stack: never a 5xx, and a 4xx
 * never writes anything (the whole table's digest is unchanged) — except the caller's own bookkeeping, by design: an API
 * key's `lastUsedAt` (written on every request it makes, the write that enforces revocation) and a person's
 * `lastActiveAt` are left out of the digest. Then replayed and stale webhooks.
 */
let stack: LocalStack;
let digest: () => Promise<string>;

beforeAll(async () => {
  stack = await startLocalStack({ reconcileSchedule: false });
  const db = createDocumentClient({ endpoint: stack.dynamoDbEndpoint });
  digest = async () => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new ScanCommand({ TableName: stack.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    const lines = items.map((item) => JSON.stringify(withoutBookkeeping(item), Object.keys(item).sort())).sort();
    return createHash('sha256').update(lines.join('\n')).digest('hex');
  };
});
afterAll(() => stack?.stop());

/** An item without the last-use stamps any authenticated request writes (see the suite's comment). */
function withoutBookkeeping(item: Record<string, unknown>): Record<string, unknown> {
  const pk = String(item.pk);
  if (pk.startsWith(API_KEY_KEY_PREFIX)) return Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'lastUsedAt'));
  if (pk.startsWith(PERSON_KEY_PREFIX)) return Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'lastActiveAt'));
  return item;
}

const RUNS_PER_ROUTE = Number(process.env.FAULTS_BAD_REQUEST_RUNS ?? 150);

/** Values that look like what a confused or hostile client sends. */
const junkValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' ', '310382', '+14155550123', '(415) 555-0123', '2026-13-45T99:00:00Z', 'not-a-date', '../../etc', '<script>', '%00'),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);
const callishBody = fc.record(
  {
    consultationId: junkValue,
    petName: junkValue,
    ownerName: junkValue,
    phoneNumber: junkValue,
    scheduledFor: junkValue,
    recipientTimezone: junkValue,
    weeklyHours: junkValue,
    agentId: junkValue,
    phone: junkValue,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 60 }), // not JSON at all
  fc.json({ maxDepth: 2 }),
  callishBody.map((b) => JSON.stringify(b)),
  fc.constant('{"consultationId":"1"'), // truncated
);
const pathParam = fc.oneof(fc.string({ maxLength: 30 }), fc.uuid(), fc.constantFrom('..', '%2B1415', '+14155550123', 'call_x', ' '));
const credential = fc.constantFrom<'staff' | 'admin' | 'none' | 'wrong' | 'malformed'>('staff', 'admin', 'none', 'wrong', 'malformed');
const query = fc.dictionary(fc.constantFrom('consultationId', 'cursor', 'limit', 'x', ''), fc.string({ maxLength: 20 }), { maxKeys: 2 });

function authHeader(kind: 'staff' | 'admin' | 'none' | 'wrong' | 'malformed'): Record<string, string> {
  if (kind === 'staff') return { authorization: `Bearer ${stack.staffToken}` };
  if (kind === 'admin') return { authorization: `Bearer ${stack.adminToken}` };
  if (kind === 'wrong') return { authorization: 'Bearer vfc_not_a_token' };
  if (kind === 'malformed') return { authorization: 'Basic abc' };
  return {};
}

describe('generated bad requests to every endpoint', () => {
  for (const route of API_ROUTES) {
    const promise = route.auth === 'public' ? 'answers 200 to anything and writes nothing' : 'no 5xx, and no write on any 4xx';
    it(`${route.method} ${route.path}: ${promise}`, async () => {
      let before = await digest();
      const initial = before;
      const statuses: number[] = [];
      await fc.assert(
        fc.asyncProperty(pathParam, credential, body, query, fc.boolean(), async (param, who, payload, params, sign) => {
          const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
          const search = new URLSearchParams(params).toString();
          const headers: Record<string, string> = { ...authHeader(who), 'content-type': 'application/json' };
          if (route.auth === 'webhook' && sign && payload !== undefined) {
            headers['x-retell-signature'] = await Retell.sign(payload, stack.webhookSigningKey);
          }
          const res = await fetch(`${stack.apiUrl}${path}${search ? `?${search}` : ''}`, {
            method: route.method,
            headers,
            ...(payload !== undefined && route.method !== 'GET' ? { body: payload } : {}),
          });
          await res.arrayBuffer();
          statuses.push(res.status);
          expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
          // A change's background work (the knowledge sync, invoked asynchronously) finishes before the table is read.
          await stack.lambda.settled();
          const after = await digest();
          if (res.status >= 400) expect(after, `${route.method} ${path} answered ${res.status} but wrote`).toBe(before);
          before = after;
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      if (route.auth === 'public') {
        // A public read takes no input: whatever is sent, it answers 200 and writes nothing.
        expect(new Set(statuses)).toEqual(new Set([200]));
        expect(await digest()).toBe(initial);
      } else {
        // The generator does produce refused requests for this route (the "no write on 4xx" check was exercised).
        expect(statuses.filter((status) => status >= 400).length).toBeGreaterThan(RUNS_PER_ROUTE / 3);
      }
    });
  }
});

describe('replayed and stale webhooks', () => {
  it('a replay of a delivered webhook changes nothing; one signed more than 5 minutes ago is refused (401) and writes nothing', async () => {
    const created = await fetch(`${stack.apiUrl}/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ consultationId: '424242', petName: 'Rex', ownerName: 'Ana', phoneNumber: '(415) 555-4242', scheduledFor: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    const call = (await created.json()) as { callId: string };
    const raw = JSON.stringify({ event: 'call_started', call: { call_id: 'call_replayed', metadata: { call_id: call.callId, attempt: 1 } } });
    const post = (signature: string) =>
      fetch(`${stack.apiUrl}/webhooks/retell`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-retell-signature': signature } });

    const signature = await Retell.sign(raw, stack.webhookSigningKey);
    expect((await post(signature)).status).toBe(200);
    await stack.lambda.settled(); // the event is applied after the answer (asynchronous invocation)
    const afterFirst = await digest();
    expect((await post(signature)).status).toBe(200); // the very same request again (a replay): accepted, idempotent
    await stack.lambda.settled();
    expect(await digest()).toBe(afterFirst);

    const stale = await symmetric.sign(raw, stack.webhookSigningKey, Date.now() - 6 * 60_000);
    expect((await post(stale)).status).toBe(401);
    expect(await digest()).toBe(afterFirst);
    const future = await symmetric.sign(raw, stack.webhookSigningKey, Date.now() + 6 * 60_000);
    expect((await post(future)).status).toBe(401);
    expect(await digest()).toBe(afterFirst);
  });
});
