import { isTerminal, type CallRecord } from '@vfc/shared';
import type { LocalStack } from '@vfc/backend/local/stack';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbCallStore } from '@vfc/backend/adapters/dynamodb/dynamodb-call-store';
import { DynamoDbDialSlots } from '@vfc/backend/adapters/dynamodb/dynamodb-dial-slots';
import { RETELL_PLATFORM } from '@vfc/backend/app/voice/voice-accounts';
import type { RetellSimulator } from '@vfc/backend/local/retell-simulator/index';
import { createCallsDueAt } from '../../bench/burst.js';
import { runPool } from '../../bench/stats.js';

/** Calls of one fault burst, created through the real API. */
export interface Burst {
  callIds: string[];
  /** When they fell due (stack clock, epoch ms). */
  dueMs: number;
}

/**
 * Real time allowed per call for creating a burst, ms: the calls fall due no sooner than this × n of REAL time from
 * now, so a slow or loaded machine still creates every call before its time (a call more than two minutes in the past
 * is refused) — on a fast stack clock a fixed stack-time lead is only a few real seconds.
 */
export const CREATE_BUDGET_REAL_MS_PER_CALL = 400;

/**
 * Creates `n` calls due together, at least `leadMs` of stack time from now (the stack clock may run faster than real
 * time) and at least {@link CREATE_BUDGET_REAL_MS_PER_CALL} × n of real time.
 * `offset` keeps numbers distinct between bursts of one stack (the per-number cap is 3 per 30 days).
 */
export async function createBurst(stack: LocalStack, n: number, options: { leadMs: number; offset: number }): Promise<Burst> {
  const leadMs = Math.max(options.leadMs, n * CREATE_BUDGET_REAL_MS_PER_CALL * stack.timeScale);
  const dueMs = Math.ceil((stack.now().getTime() + leadMs) / 1_000) * 1_000;
  const scheduledFor = new Date(dueMs).toISOString();
  const callIds = await createCallsDueAt(stack, {
    token: stack.staffToken,
    count: n,
    dueAt: scheduledFor,
    concurrency: 8,
    consultationBase: 700_000 + options.offset,
    numberOffset: options.offset,
  });
  return { callIds, dueMs };
}

/** Reads the calls straight from DynamoDB Local. */
export function callReader(stack: Pick<LocalStack, 'dynamoDbEndpoint' | 'tableName'>) {
  const db = createDocumentClient({ endpoint: stack.dynamoDbEndpoint });
  const store = new DynamoDbCallStore(db, stack.tableName);
  const slots = new DynamoDbDialSlots(db, stack.tableName, { scope: RETELL_PLATFORM, limit: 1 });
  return {
    store,
    slots,
    read: async (callIds: readonly string[]) => runPool(callIds.length, 8, (i) => store.get(callIds[i]!)),
  };
}

/**
 * Waits until every call is terminal (polling DynamoDB), or `timeoutMs` of real time passed.
 * @returns the calls as last read.
 */
export async function settle(stack: LocalStack, burst: Burst, timeoutMs: number): Promise<(CallRecord | undefined)[]> {
  const { read } = callReader(stack);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const calls = await read(burst.callIds);
    if (calls.every((call) => call && isTerminal(call.status)) || Date.now() > deadline) return calls;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The fault suite's invariants (bench/README.md), as data a test asserts on (empty lists = holds). */
export interface InvariantReport {
  /** Calls missing from the table (data lost). */
  missing: string[];
  /** Calls neither terminal nor legitimately waiting (scheduled with a live schedule or a place in the line). */
  stuck: { callId: string; status: string }[];
  /** (call_id, attempt) pairs the provider received more than once. */
  dialledTwice: string[];
  /** Most calls live at once at the provider, and the limit. */
  peakConcurrency: number;
  limit: number;
  /** Provider calls whose metadata names a call we do not have. */
  unknownProviderCalls: string[];
  /** Completed calls whose stored Retell call_id the provider never issued. */
  inconsistent: string[];
}

/** Checks the invariants over a burst's calls, the provider's record and the scheduler's schedules. */
export async function checkInvariants(
  stack: LocalStack,
  simulator: RetellSimulator,
  burst: Burst,
  calls: (CallRecord | undefined)[],
  limit: number,
): Promise<InvariantReport> {
  const { slots } = callReader(stack);
  const mine = new Set(burst.callIds);
  const log = simulator.callLog().filter((r) => mine.has(String(r.metadata.call_id)));
  const perAttempt = new Map<string, number>();
  for (const r of log) {
    const key = `${String(r.metadata.call_id)}#${String(r.metadata.attempt)}`;
    perAttempt.set(key, (perAttempt.get(key) ?? 0) + 1);
  }
  const scheduledNames = new Set(stack.scheduler.schedules().map((s) => s.name));
  const missing: string[] = [];
  const stuck: InvariantReport['stuck'] = [];
  for (const [i, call] of calls.entries()) {
    if (!call) {
      missing.push(burst.callIds[i]!);
      continue;
    }
    if (isTerminal(call.status)) continue;
    const waiting =
      call.status === 'scheduled' &&
      ((call.scheduleName !== undefined && scheduledNames.has(call.scheduleName)) ||
        (await slots.isWaiting({ clinicId: call.clinicId, callId: call.callId, attempt: call.attempt, dueAt: call.scheduledFor })));
    if (!waiting) stuck.push({ callId: call.callId, status: call.status });
  }
  const providerIds = new Set(log.map((r) => r.call_id));
  return {
    missing,
    stuck,
    dialledTwice: [...perAttempt].filter(([, n]) => n > 1).map(([key]) => key),
    peakConcurrency: simulator.stats().peakConcurrency,
    limit,
    unknownProviderCalls: log.filter((r) => !mine.has(String(r.metadata.call_id))).map((r) => r.call_id),
    inconsistent: calls
      .filter((call): call is CallRecord => call?.status === 'completed')
      .filter((call) => !call.retellCallId || !providerIds.has(call.retellCallId))
      .map((call) => call.callId),
  };
}
