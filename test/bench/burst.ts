import { isTerminal, type CallRecord } from '@vfc/shared';
import type { LocalStack } from '@vfc/backend/local/stack';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbCallStore } from '@vfc/backend/adapters/dynamodb/dynamodb-call-store';
import { percentile, round, runPool } from './stats.js';

/** The burst scenario's settings. All durations are real milliseconds. */
export interface BurstOptions {
  /** N: calls due in the same second. */
  calls: number;
  /** C: the concurrency limit (the simulator's and ours). */
  concurrencyLimit: number;
  /** L: how long one call holds a provider slot in the simulator (ring + talk), real ms. */
  callLengthMs: number;
  /** Clients creating the calls through POST /calls. */
  createConcurrency?: number;
  /** Expected POST /calls rate (per second) to place the due time after the last creation; measured by `api`. */
  expectedCreateRps?: number;
  log?: (line: string) => void;
}

/** The figures of one burst (named as in bench/README.md). */
export interface BurstResult {
  calls: number;
  concurrencyLimit: number;
  callLengthMs: number;
  /** From the due time to the end of the last call (real ms). */
  makespanMs: number;
  /** ceil(N / C) · L: the provider's full rate with no gap. */
  idealMs: number;
  makespanRatio: number;
  /** Most calls live at once, as the simulator (the provider) counted them. */
  peakConcurrency: number;
  /** create-phone-call requests the simulator refused with 429. */
  provider429s: number;
  /** Provider calls beyond the first for one (call_id, attempt). */
  duplicateDials: number;
  /** Calls neither terminal nor waiting for a slot when the burst ended (or never dialled by the deadline). */
  lostCalls: number;
  /** Due time → create-phone-call, for the first C calls (those that found a free slot), real ms. */
  dialLagP50Ms: number;
  dialLagP99Ms: number;
  /** Due time → create-phone-call over every call (includes waiting for a slot), real ms. */
  queueWaitP50Ms: number;
  queueWaitP99Ms: number;
  /**
   * Slot hand-off: from a call's end at the provider to the next dial that used the freed slot (k-th end ↔ (C+k)-th
   * dial), real ms. This is the per-round overhead the makespan pays on each slot's chain.
   */
  handoffP50Ms: number;
  handoffP99Ms: number;
  /** Calls that ended `completed`. */
  completed: number;
  /** Real ms spent creating the N calls through the API (before they fell due). */
  createMs: number;
}

const AREA_CODES = ['415', '628', '650', '510', '408', '707'];

/** The i-th distinct test number (last four digits 1000–8999: never one of the simulator's scripted 01xx outcomes). */
export function burstPhoneNumber(i: number): string {
  const area = AREA_CODES[Math.floor(i / 8000) % AREA_CODES.length]!;
  return `(${area}) 555-${1000 + (i % 8000)}`;
}

/**
 * Makes N calls fall due in the same second on a running local stack (wall-clock time scale), lets the dialer drain
 * them through the simulator's C slots, and measures the drain against the ideal ceil(N/C)·L.
 */
export async function runBurst(stack: LocalStack, options: BurstOptions): Promise<BurstResult> {
  const log = options.log ?? (() => undefined);
  const simulator = stack.simulator;
  if (!simulator) throw new Error('the burst needs the Retell simulator');
  const { calls: n, concurrencyLimit: c, callLengthMs: l } = options;
  const createConcurrency = options.createConcurrency ?? 16;

  // The due time: after the last creation (estimated from the measured API rate, with margin), on a whole second.
  const leadMs = Math.max(8_000, (n / (options.expectedCreateRps ?? 20)) * 1_000 * 1.5 + 3_000);
  const dueMs = Math.ceil((stack.now().getTime() + leadMs) / 1_000) * 1_000;
  const dueAt = new Date(dueMs).toISOString();
  log(`burst: creating ${n} calls due at ${dueAt} (in ${round(leadMs / 1000)} s)`);

  const createStart = Date.now();
  const callIds = await createCallsDueAt(stack, {
    token: stack.staffToken,
    count: n,
    dueAt,
    concurrency: createConcurrency,
    consultationBase: 900_000,
    numberOffset: 0,
  });
  const createMs = Date.now() - createStart;
  if (stack.now().getTime() >= dueMs) throw new Error(`creating the calls took ${createMs} ms: past the due time; lower --calls`);
  log(`burst: ${n} calls created in ${round(createMs / 1000)} s; waiting for the due time`);

  const idealMs = Math.ceil(n / c) * l;
  const ours = new Set(callIds);
  await drain(stack, ours, { dueMs, deadlineMs: dueMs + idealMs * 3 + 120_000, log, name: 'burst' });

  const records = simulator.callLog().filter((r) => ours.has(String(r.metadata.call_id)));
  const duplicateDials = duplicateDialsIn(records);
  const byCreation = [...records].sort((a, b) => a.createdAtMs - b.createdAtMs);
  const firstDials = new Map<string, number>();
  for (const r of byCreation) if (!firstDials.has(String(r.metadata.call_id))) firstDials.set(String(r.metadata.call_id), r.createdAtMs - dueMs);
  const lags = [...firstDials.values()];
  const freeSlotLags = lags.slice(0, c);
  const ends = records.map((r) => r.endedAtMs).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
  const handoffs = byCreation.slice(c).map((r, k) => r.createdAtMs - (ends[k] ?? Number.NaN)).filter(Number.isFinite);
  const lastEnd = Math.max(...records.map((r) => r.endedAtMs ?? Number.NaN));

  const { completed, lostCalls } = await outcomes(stack, callIds);
  const stats = simulator.stats();
  const makespanMs = Number.isFinite(lastEnd) ? lastEnd - dueMs : Number.NaN;

  return {
    calls: n,
    concurrencyLimit: c,
    callLengthMs: l,
    makespanMs: round(makespanMs, 0),
    idealMs,
    makespanRatio: round(makespanMs / idealMs, 3),
    peakConcurrency: stats.peakConcurrency,
    provider429s: stats.rejected429,
    duplicateDials,
    lostCalls,
    dialLagP50Ms: round(percentile(freeSlotLags, 50), 0),
    dialLagP99Ms: round(percentile(freeSlotLags, 99), 0),
    queueWaitP50Ms: round(percentile(lags, 50), 0),
    queueWaitP99Ms: round(percentile(lags, 99), 0),
    handoffP50Ms: round(percentile(handoffs, 50), 0),
    handoffP99Ms: round(percentile(handoffs, 99), 0),
    completed,
    createMs,
  };
}

/** Calls to create through `POST /calls`, all due at one instant. */
export interface CallBatch {
  /** The clinic's staff token. */
  token: string;
  count: number;
  /** UTC ISO, on a whole second. */
  dueAt: string;
  concurrency: number;
  /** Consultation ids are `consultationBase + i` (distinct per batch). */
  consultationBase: number;
  /** Numbers are {@link burstPhoneNumber}(`numberOffset + i`) (distinct per batch: the per-number cap). */
  numberOffset: number;
}

/**
 * Creates `count` calls due at `dueAt` through the real API.
 * @returns their call ids, in creation index order.
 * @throws Error when a creation is not 201 or the call was moved from its due time.
 */
export async function createCallsDueAt(stack: LocalStack, batch: CallBatch): Promise<string[]> {
  return runPool(batch.count, batch.concurrency, async (i) => {
    const res = await fetch(`${stack.apiUrl}/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${batch.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        consultationId: String(batch.consultationBase + i),
        petName: `Pet ${i}`,
        ownerName: `Owner ${i}`,
        phoneNumber: burstPhoneNumber(batch.numberOffset + i),
        scheduledFor: batch.dueAt,
      }),
    });
    const json = (await res.json()) as { callId?: string; scheduledFor?: string };
    if (res.status !== 201 || !json.callId) throw new Error(`POST /calls answered ${res.status}: ${JSON.stringify(json)}`);
    if (json.scheduledFor !== batch.dueAt) throw new Error(`call ${i} was moved to ${json.scheduledFor}`);
    return json.callId;
  });
}

/**
 * Waits (polling the simulator every 200 ms, real time) until the provider has ended every call in `ours`, or the
 * deadline (epoch ms) passed; then until the last webhooks were applied.
 */
export async function drain(
  stack: LocalStack,
  ours: ReadonlySet<string>,
  options: { dueMs: number; deadlineMs: number; log: (line: string) => void; name: string },
): Promise<void> {
  const simulator = stack.simulator!;
  let lastReport = 0;
  for (;;) {
    const ended = simulator.callLog().filter((r) => r.endedAtMs !== undefined && ours.has(String(r.metadata.call_id))).length;
    if (ended >= ours.size) break;
    if (Date.now() > options.deadlineMs) {
      options.log(`${options.name}: deadline reached with ${ended}/${ours.size} calls ended`);
      break;
    }
    if (Date.now() - lastReport > 15_000 && Date.now() > options.dueMs) {
      lastReport = Date.now();
      options.log(`${options.name}: ${ended}/${ours.size} calls ended, ${simulator.stats().currentConcurrency} live, ${round((Date.now() - options.dueMs) / 1000)} s since due`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await simulator.webhooksSettled();
  await new Promise((r) => setTimeout(r, 1_000)); // the last call_analyzed webhooks are applied
}

/** Provider calls beyond the first for one (call_id, attempt), over the simulator's records. */
export function duplicateDialsIn(records: readonly { metadata: Record<string, unknown> }[]): number {
  const perAttempt = new Map<string, number>();
  for (const r of records) {
    const key = `${String(r.metadata.call_id)}#${String(r.metadata.attempt)}`;
    perAttempt.set(key, (perAttempt.get(key) ?? 0) + 1);
  }
  return [...perAttempt.values()].reduce((sum, count) => sum + count - 1, 0);
}

/** Reads the calls from DynamoDB: how many completed, and how many are not terminal (lost). */
export async function outcomes(stack: LocalStack, callIds: readonly string[]): Promise<{ completed: number; lostCalls: number }> {
  const store = new DynamoDbCallStore(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName);
  const stored = (await runPool(callIds.length, 16, (i) => store.get(callIds[i]!))).filter((call): call is CallRecord => call !== undefined);
  return {
    completed: stored.filter((call) => call.status === 'completed').length,
    lostCalls: callIds.length - stored.filter((call) => isTerminal(call.status)).length,
  };
}
