import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@vfc/shared';
import { tallyDynamoDbRequests } from '../local/test-support/dynamodb-request-tally.js';
import { scheduleTestCall } from '../local/test-support/test-calls.js';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';
import type { ProviderCallEvent } from '../ports/provider-events.js';
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
function webhooksOf(call: CallRecord): ProviderCallEvent[] {
  const ids = { providerCallId: call.retellCallId!, callId: call.callId, attempt: call.attempt, voiceAccount: 'retell:platform' };
  return [
    { kind: 'call_started', name: 'call_started', ...ids, startedAt: DUE },
    { kind: 'call_ended', name: 'call_ended', ...ids, startedAt: DUE, endedAt: '2026-12-02T18:02:00.000Z', durationMs: 120_000, disconnectionReason: 'user_hangup' },
    {
      kind: 'call_analyzed',
      name: 'call_analyzed',
      ...ids,
      endedAt: '2026-12-02T18:02:00.000Z',
      disconnectionReason: 'user_hangup',
      analysis: { summary: 'Rex is eating again.', callSuccessful: true, sentiment: 'Positive' },
    },
  ];
}

describe('DynamoDB requests per invocation (DynamoDB Local)', () => {
  it('reads the call 3 times and the clinic twice in one dial of a due call (before)', async () => {
    const call = await dueCall('reads-dial', '+14155550161');
    const names = { [call.callId]: '<call>', [call.clinicId]: '<clinic>' };
    let result: unknown;
    const tally = await tallyDynamoDbRequests(async () => {
      result = await dialDueCall(world.deps, dialEventOf(call));
    }, names);
    expect(result).toBe('dialed');
    expect(tally[CALL_READ]).toBe(3);
    expect(tally[CLINIC_READ]).toBe(2);
  });

  it('reads the call 2, 3 and 2 times and the clinic once for call_started, call_ended and call_analyzed (before)', async () => {
    const call = await dueCall('reads-apply', '+14155550162');
    expect(await dialDueCall(world.deps, dialEventOf(call))).toBe('dialed');
    const dialed = (await world.deps.calls.get(call.callId))!;
    const names = { [call.callId]: '<call>', [call.clinicId]: '<clinic>', [dialed.retellCallId!]: '<provider-call>' };
    const reads: Record<string, [number, number]> = {};
    for (const event of webhooksOf(dialed)) {
      const tally = await tallyDynamoDbRequests(() => applyProviderEvent(world.deps, event), names);
      reads[event.name] = [tally[CALL_READ] ?? 0, tally[CLINIC_READ] ?? 0];
    }
    expect(reads).toEqual({ call_started: [2, 0], call_ended: [3, 1], call_analyzed: [2, 0] });
    expect((await world.deps.calls.get(call.callId))?.status).toBe('completed');
  });
});
