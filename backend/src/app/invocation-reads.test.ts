import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { tallyDynamoDbRequests } from '../local/test-support/dynamodb-request-tally.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import type { ProviderCallEvent } from '../ports/provider-events.js';
import { localSecretStore } from '../adapters/secrets/memory-secret-store.js';
import { applyProviderEvent } from './apply-provider-event.js';
import { dialDueCall } from './dial-due-call.js';

/**
 * How many DynamoDB requests one invocation of the dialer and of `apply-provider-event` sends, by operation and item,
 * through the production wiring on DynamoDB Local. Each test uses a clinic of its own, so the per-process caches
 * (the clinic's provider account) are as cold as in a fresh Lambda.
 */
let world: UseCaseWorld;
const START = '2026-12-02T17:00:00.000Z';
const DUE = '2026-12-02T18:00:00.000Z';
beforeAll(async () => {
  world = await startUseCaseWorld(START);
});
afterAll(() => world?.stop());

const CALL_READ = 'GetItem CALL#<call>/CALL';
const CLINIC_READ = 'GetItem CLINIC#<clinic>/SETTINGS';

/** A call of a clinic of its own, scheduled at {@link DUE}, with the clock set to its due time. */
async function dueCall(clinicId: string, phoneNumber: string): Promise<CallRecord> {
  world.setNow(START);
  await world.putClinic({ clinicId });
  const call = await scheduleTestCall(world.deps, phoneNumber, DUE, {}, clinicId);
  world.setNow(DUE);
  return call;
}

/** The dial event as the Scheduler adapter sends it (with the due time and the clinic). */
const dialEventOf = (call: CallRecord) => ({ callId: call.callId, attempt: call.attempt, dueAt: call.scheduledFor, clinicId: call.clinicId });

/** The three webhooks of one answered attempt, as the Retell webhook decodes them (our metadata included). */
function webhooksOf(call: CallRecord, voiceAccount = 'retell:platform'): ProviderCallEvent[] {
  const ids = { providerCallId: call.retellCallId!, callId: call.callId, attempt: call.attempt, voiceAccount };
  return [
    { kind: 'call_started', name: 'call_started', ...ids, startedAt: DUE },
    { kind: 'call_ended', name: 'call_ended', ...ids, startedAt: DUE, endedAt: '2026-12-02T18:02:00.000Z', durationMs: 120_000, disconnectionReason: 'user_hangup' },
    {
      kind: 'call_analyzed',
      name: 'call_analyzed',
      ...ids,
      endedAt: '2026-12-02T18:02:00.000Z',
      durationMs: 120_000,
      disconnectionReason: 'user_hangup',
      analysis: { summary: 'Rex is eating again.', callSuccessful: true, sentiment: 'Positive' },
    },
  ];
}

/** The items read (GetItem) more than once in `tally`, with their counts. */
const readTwice = (tally: Record<string, number>) => Object.fromEntries(Object.entries(tally).filter(([label, n]) => label.startsWith('GetItem ') && n > 1));

describe('DynamoDB requests per invocation (DynamoDB Local)', () => {
  it('reads the call exactly once and the clinic exactly once in one dial of a due call', async () => {
    const call = await dueCall('reads-dial', '+14155550161');
    let result: unknown;
    const tally = await tallyDynamoDbRequests(async () => {
      result = await dialDueCall(world.deps, dialEventOf(call));
    }, { [call.callId]: '<call>', [call.clinicId]: '<clinic>' });
    expect(result).toBe('dialed');
    expect(tally[CALL_READ]).toBe(1);
    expect(tally[CLINIC_READ]).toBe(1);
  });

  it('reads no item twice in one dial but the slot counter, which the pump reads again on purpose to see other processes free slots', async () => {
    const call = await dueCall('reads-dial-items', '+14155550163');
    const tally = await tallyDynamoDbRequests(() => dialDueCall(world.deps, dialEventOf(call)), { [call.clinicId]: '<clinic>' });
    expect(readTwice(tally)).toEqual({ 'GetItem DIALSLOTS#retell:platform/COUNTER': 2 });
  });

  it('reads the call exactly once and the clinic exactly once in one dial of a clinic on its own Retell workspace', async () => {
    await localSecretStore.putClinicKey('reads-own', 'sim_test_key');
    world.setNow(START);
    await world.putClinic({ clinicId: 'reads-own', voice: { provider: 'retell', account: 'clinic', status: 'ok', agentId: 'agent_demo_followup', concurrencyLimit: 5 } });
    const call = await scheduleTestCall(world.deps, '+14155550168', DUE, {}, 'reads-own');
    world.setNow(DUE);
    let result: unknown;
    const tally = await tallyDynamoDbRequests(async () => {
      result = await dialDueCall(world.deps, dialEventOf(call));
    }, { [call.callId]: '<call>', [call.clinicId]: '<clinic>' });
    expect(result).toBe('dialed');
    expect([tally[CALL_READ], tally[CLINIC_READ]]).toEqual([1, 1]);
  });

  it('reads the call exactly once and the clinic exactly once when an older schedule (no due time, no clinic) fires', async () => {
    const call = await dueCall('reads-dial-old', '+14155550164');
    let result: unknown;
    const tally = await tallyDynamoDbRequests(async () => {
      result = await dialDueCall(world.deps, { callId: call.callId, attempt: call.attempt });
    }, { [call.callId]: '<call>', [call.clinicId]: '<clinic>' });
    expect(result).toBe('dialed');
    expect([tally[CALL_READ], tally[CLINIC_READ]]).toEqual([1, 1]);
  });

  it('reads the call exactly once and the clinic not at all when a second delivery of an older schedule is skipped', async () => {
    const call = await dueCall('reads-dial-twice', '+14155550165');
    const older = { callId: call.callId, attempt: call.attempt };
    expect(await dialDueCall(world.deps, older)).toBe('dialed');
    let result: unknown;
    const tally = await tallyDynamoDbRequests(async () => {
      result = await dialDueCall(world.deps, older);
    }, { [call.callId]: '<call>', [call.clinicId]: '<clinic>' });
    expect(result).toBe('skipped');
    expect([tally[CALL_READ], tally[CLINIC_READ] ?? 0]).toEqual([1, 0]);
  });

  it('reads the call exactly once per event for call_started, call_ended and call_analyzed, and the clinic once for the ending', async () => {
    const call = await dueCall('reads-apply', '+14155550162');
    expect(await dialDueCall(world.deps, dialEventOf(call))).toBe('dialed');
    const dialed = (await world.deps.calls.get(call.callId))!;
    const names = { [call.callId]: '<call>', [call.clinicId]: '<clinic>' };
    const reads: Record<string, [number, number]> = {};
    for (const event of webhooksOf(dialed)) {
      const tally = await tallyDynamoDbRequests(() => applyProviderEvent(world.deps, event), names);
      reads[event.name] = [tally[CALL_READ] ?? 0, tally[CLINIC_READ] ?? 0];
      expect(readTwice(tally)).toEqual({});
    }
    expect(reads).toEqual({ call_started: [1, 0], call_ended: [1, 1], call_analyzed: [1, 0] });
    expect((await world.deps.calls.get(call.callId))?.status).toBe('completed');
  });

  it('reads the call exactly once per event and the clinic once for the ending of a clinic on its own Retell workspace', async () => {
    await localSecretStore.putClinicKey('reads-own-apply', 'sim_test_key');
    world.setNow(START);
    await world.putClinic({ clinicId: 'reads-own-apply', voice: { provider: 'retell', account: 'clinic', status: 'ok', agentId: 'agent_demo_followup', concurrencyLimit: 5 } });
    const call = await scheduleTestCall(world.deps, '+14155550169', DUE, {}, 'reads-own-apply');
    world.setNow(DUE);
    expect(await dialDueCall(world.deps, dialEventOf(call))).toBe('dialed');
    const dialed = (await world.deps.calls.get(call.callId))!;
    const names = { [call.callId]: '<call>', [call.clinicId]: '<clinic>' };
    const reads: Record<string, [number, number]> = {};
    for (const event of webhooksOf(dialed, 'retell:clinic:reads-own-apply')) {
      const tally = await tallyDynamoDbRequests(() => applyProviderEvent(world.freshProcess(), event), names);
      reads[event.name] = [tally[CALL_READ] ?? 0, tally[CLINIC_READ] ?? 0];
    }
    expect(reads).toEqual({ call_started: [1, 0], call_ended: [1, 1], call_analyzed: [1, 1] });
  });

  it('gives the same call for the three events delivered twice and out of order, reading the call exactly once per delivery', async () => {
    const once = await dueCall('reads-apply-once', '+14155550166');
    const again = await dueCall('reads-apply-again', '+14155550167');
    for (const call of [once, again]) expect(await dialDueCall(world.deps, dialEventOf(call))).toBe('dialed');
    const [started, ended, analyzed] = webhooksOf((await world.deps.calls.get(once.callId))!);
    for (const event of [started!, ended!, analyzed!]) await applyProviderEvent(world.deps, event);
    const [started2, ended2, analyzed2] = webhooksOf((await world.deps.calls.get(again.callId))!);
    const callReads: number[] = [];
    for (const event of [analyzed2!, ended2!, started2!, ended2!, analyzed2!, started2!]) {
      const tally = await tallyDynamoDbRequests(() => applyProviderEvent(world.deps, event), { [again.callId]: '<call>' });
      callReads.push(tally[CALL_READ] ?? 0);
    }
    expect(callReads).toEqual([1, 1, 1, 1, 1, 1]);
    const comparable = (c: CallRecord | undefined) => c && { status: c.status, statusCode: c.statusCode, outcome: c.outcome, attempt: c.attempt, attempts: c.attempts.map((a) => ({ verdict: a.verdict, endedAt: a.endedAt, disconnectionReason: a.disconnectionReason })) };
    expect(comparable(await world.deps.calls.get(again.callId))).toEqual(comparable(await world.deps.calls.get(once.callId)));
  });
});
