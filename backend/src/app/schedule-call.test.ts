import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dependencies, RecipientZoneDependencies } from './dependencies.js';
import { scheduleCall } from './schedule-call.js';
import { startUseCaseWorld, type UseCaseWorld } from '../local/test-support/use-case-world.js';

let world: UseCaseWorld;
beforeAll(async () => {
  world = await startUseCaseWorld('2026-11-23T17:00:00.000Z');
  await world.putClinic();
});
afterAll(() => world?.stop());

/**
 * The real dependencies (DynamoDB Local, Scheduler emulator), with the reads `POST /calls` makes before writing
 * wrapped to log when each starts and ends: the one batch of single items (clinic, opt-out, idempotency key), the
 * agent and the dials. The batch is held until `releaseBatch()` so the test can see which reads were already under
 * way while it was pending.
 */
function instrumented(deps: Dependencies & RecipientZoneDependencies) {
  const log: string[] = [];
  let releaseBatch!: () => void;
  const batchGate = new Promise<void>((resolve) => (releaseBatch = resolve));
  const wrap = <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>, gate?: Promise<void>) =>
    async (...args: A): Promise<R> => {
      log.push(`start ${name}`);
      const result = await fn(...args);
      if (gate) await gate;
      log.push(`end ${name}`);
      return result;
    };
  const wrapped: Dependencies & RecipientZoneDependencies = {
    ...deps,
    callRequestReads: { read: wrap('batch', deps.callRequestReads.read.bind(deps.callRequestReads), batchGate) },
    clinics: { ...deps.clinics, getClinic: wrap('clinic', deps.clinics.getClinic.bind(deps.clinics)) },
    agentRegistry: { ...deps.agentRegistry, get: wrap('agent', deps.agentRegistry.get.bind(deps.agentRegistry)) },
    optOuts: { ...deps.optOuts, isOptedOut: wrap('opt-out', deps.optOuts.isOptedOut.bind(deps.optOuts)) },
    numberUsage: { ...deps.numberUsage, dialsSince: wrap('dials', deps.numberUsage.dialsSince.bind(deps.numberUsage)) },
  };
  return { deps: wrapped, log, releaseBatch };
}

describe('scheduleCall reads', () => {
  it('reads the batch (clinic, opt-out, key), agent and dials exactly once each, the dials while the batch is pending, no single clinic or opt-out read', async () => {
    const { deps, log, releaseBatch } = instrumented(world.deps);
    const request = { consultationId: '310382', petName: 'Rex', ownerName: 'Ana Silva', phoneNumber: '+12125550142', scheduledFor: '2026-11-23T18:00:00.000Z' };
    const scheduled = scheduleCall(deps, { clinicId: 'demo-clinic', request, idempotencyKey: 'reads-test-key' });
    await new Promise<void>((resolve) => {
      const check = () => (log.includes('end dials') ? resolve() : setImmediate(check));
      check();
    });
    expect(log).not.toContain('end batch');
    releaseBatch();
    const { call } = await scheduled;

    expect(call.status).toBe('scheduled');
    for (const read of ['batch', 'agent', 'dials']) expect(log.filter((line) => line === `start ${read}`)).toHaveLength(1);
    expect(log.filter((line) => line === 'start clinic' || line === 'start opt-out')).toEqual([]);
    expect(log.indexOf('start agent')).toBeGreaterThan(log.indexOf('end batch')); // needs the clinic's agent id
  });
});
