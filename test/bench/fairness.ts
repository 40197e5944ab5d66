import type { LocalStack } from '@vfc/backend/local/stack';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbClinicStore } from '@vfc/backend/adapters/dynamodb/dynamodb-clinic-store';
import { dynamoDbProvisioningStores } from '@vfc/backend/adapters/dynamodb/provisioning-stores';
import { provisionClinic } from '@vfc/backend/app/provision-clinic';
import { demoClinic } from '@vfc/backend/local/seed-demo';
import { createCallsDueAt, drain, duplicateDialsIn, outcomes } from './burst.js';
import { percentile, round } from './stats.js';

/** The fairness scenario's settings. All durations are real milliseconds. */
export interface FairnessOptions {
  /** Calls of the big clinic, all due at T. */
  bigClinicCalls: number;
  /** How many small clinics, each with `smallClinicCalls` calls due at T + L. */
  smallClinics: number;
  smallClinicCalls: number;
  /** C: the concurrency limit (the simulator's and ours). */
  concurrencyLimit: number;
  /** L: how long one call holds a provider slot (ring + talk), real ms. */
  callLengthMs: number;
  /** Expected POST /calls rate (per second), to place T after the last creation. */
  expectedCreateRps?: number;
  log?: (line: string) => void;
}

/** The figures of one fairness run (named as in bench/README.md). */
export interface FairnessResult {
  calls: number;
  clinics: number;
  concurrencyLimit: number;
  callLengthMs: number;
  /** p99 over the small clinics' calls of (first create-phone-call − the call's due time), real ms. */
  smallClinicP99WaitMs: number;
  /** The same over the big clinic's calls. */
  bigClinicP99WaitMs: number;
  /** T → the end of the last call at the provider, real ms. */
  makespanMs: number;
  /** ceil(all calls / C) · L: the provider's full rate with no gap. */
  idealMs: number;
  makespanRatio: number;
  duplicateDials: number;
  /** Calls not terminal when the drain ended. */
  lostCalls: number;
  /** Most calls live at once at the provider (≤ C). */
  peakConcurrency: number;
}

/**
 * One clinic with many calls due at T, then many small clinics with a few calls each due at T + L, all sharing one
 * provider account of C slots on a running local stack (wall-clock time). With first come, first served the small
 * clinics would wait behind the big one (~N/C rounds); round-robin across clinics serves them within a few rounds.
 * The small clinics are provisioned as copies of the demo clinic (same agent, hours and number).
 */
export async function runFairness(stack: LocalStack, options: FairnessOptions): Promise<FairnessResult> {
  const log = options.log ?? (() => undefined);
  const simulator = stack.simulator;
  if (!simulator) throw new Error('the fairness scenario needs the Retell simulator');
  const { bigClinicCalls, smallClinics, smallClinicCalls, concurrencyLimit: c, callLengthMs: l } = options;
  const total = bigClinicCalls + smallClinics * smallClinicCalls;

  
  const base = demoClinic('America/Los_Angeles');
  const smallTokens: string[] = [];
  for (let k = 0; k < smallClinics; k += 1) {
    const clinic = { ...base, clinicId: `bench-small-${k}`, name: `Small clinic ${k} (bench)` };
    const { tokens } = await provisionClinic(dynamoDbProvisioningStores(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName), clinic, [{ role: 'staff', label: 'bench staff token' }]);
    smallTokens.push(tokens[0]!.token);
  }

  const leadMs = Math.max(8_000, (total / (options.expectedCreateRps ?? 20)) * 1_000 * 1.5 + 3_000);
  const dueMs = Math.ceil((stack.now().getTime() + leadMs) / 1_000) * 1_000;
  const smallDueMs = dueMs + l;
  log(`fairness: ${bigClinicCalls} calls due at T = ${new Date(dueMs).toISOString()}, ${smallClinics} × ${smallClinicCalls} at T + ${l} ms`);

  const bigIds = await createCallsDueAt(stack, {
    token: stack.staffToken,
    count: bigClinicCalls,
    dueAt: new Date(dueMs).toISOString(),
    concurrency: 16,
    consultationBase: 800_000,
    numberOffset: 2_000,
  });
  const smallIds = (
    await Promise.all(
      smallTokens.map((token, k) =>
        createCallsDueAt(stack, {
          token,
          count: smallClinicCalls,
          dueAt: new Date(smallDueMs).toISOString(),
          concurrency: 2,
          consultationBase: 810_000 + k * 100,
          numberOffset: 4_000 + k * smallClinicCalls,
        }),
      ),
    )
  ).flat();
  if (stack.now().getTime() >= dueMs) throw new Error('creating the calls went past T: lower the call counts');
  log(`fairness: ${total} calls created; waiting for T`);

  const idealMs = Math.ceil(total / c) * l;
  const ours = new Set([...bigIds, ...smallIds]);
  await drain(stack, ours, { dueMs, deadlineMs: smallDueMs + idealMs * 3 + 120_000, log, name: 'fairness' });

  const records = simulator.callLog().filter((r) => ours.has(String(r.metadata.call_id)));
  const firstDial = new Map<string, number>();
  for (const r of records) {
    const id = String(r.metadata.call_id);
    firstDial.set(id, Math.min(firstDial.get(id) ?? Number.POSITIVE_INFINITY, r.createdAtMs));
  }
  const waits = (ids: readonly string[], due: number) => ids.map((id) => (firstDial.get(id) ?? Number.NaN) - due).filter(Number.isFinite);
  const lastEnd = Math.max(...records.map((r) => r.endedAtMs ?? Number.NaN));
  const makespanMs = Number.isFinite(lastEnd) ? lastEnd - dueMs : Number.NaN;
  const { lostCalls } = await outcomes(stack, [...ours]);

  return {
    calls: total,
    clinics: smallClinics + 1,
    concurrencyLimit: c,
    callLengthMs: l,
    smallClinicP99WaitMs: round(percentile(waits(smallIds, smallDueMs), 99), 0),
    bigClinicP99WaitMs: round(percentile(waits(bigIds, dueMs), 99), 0),
    makespanMs: round(makespanMs, 0),
    idealMs,
    makespanRatio: round(makespanMs / idealMs, 3),
    duplicateDials: duplicateDialsIn(records),
    lostCalls,
    peakConcurrency: simulator.stats().peakConcurrency,
  };
}
