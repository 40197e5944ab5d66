import type { Clinic } from '@vfc/shared';
import { createDependencies } from '../../composition.js';
import type { Dependencies, RecipientZoneDependencies } from '../../app/dependencies.js';
import { lookupRecipientZones } from '../../adapters/phone-zones/lookup-recipient-zones.js';
import { createTestTable, type TestTable } from './test-table.js';
import { startSchedulerEmulator, type SchedulerEmulator } from '../scheduler-emulator/index.js';
import { startRetellSimulator, type RetellSimulator } from '../retell-simulator/index.js';
import { demoClinic } from '../seed-demo.js';

/**
 * Test support (not a test): the production wiring (`createDependencies`) on real local servers — a fresh table in
 * the run's DynamoDB Local, a Scheduler emulator whose firing loop is off (tests look at its schedules), and a Retell
 * simulator without a webhook URL — with a hand-set clock instead of the wall clock.
 */
export interface UseCaseWorld {
  /** The production wiring plus the scheduling handlers' zone lookup (the dialer's wiring has none). */
  deps: Dependencies & RecipientZoneDependencies;
  table: TestTable;
  scheduler: SchedulerEmulator;
  simulator: RetellSimulator;
  /**
   * The same wiring built again, as a freshly started Lambda has it: same table, emulators and clock, empty per-process
   * caches (e.g. the clinics' provider lines).
   */
  freshProcess(): Dependencies & RecipientZoneDependencies;
  /** Sets the clock every use case (and the emulators) read. */
  setNow(iso: string): void;
  /** Stores a clinic: the demo clinic (its agent is the simulator's demo agent) with `overrides`. */
  putClinic(overrides?: Partial<Clinic>): Promise<Clinic>;
  stop(): Promise<void>;
}

export async function startUseCaseWorld(startIso = '2026-11-23T17:00:00.000Z'): Promise<UseCaseWorld> {
  let now = Date.parse(startIso);
  const nowMs = () => now;
  const table = await createTestTable();
  const scheduler = await startSchedulerEmulator({ invoke: async () => undefined, tickMs: 0, now: nowMs });
  const simulator = await startRetellSimulator({ apiKey: 'sim_test_key', now: nowMs });
  const wiring = (): Dependencies & RecipientZoneDependencies => ({
    ...createDependencies({
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      AWS_REGION: 'us-east-1',
      SCHEDULER_ENDPOINT: scheduler.url,
      SCHEDULE_GROUP_NAME: 'default',
      DIALER_TARGET_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:test-dialer',
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/test-scheduler',
      RETELL_API_KEY: 'sim_test_key',
      RETELL_BASE_URL: simulator.url,
      // Clinic-owned provider keys in the process's in-memory stand-in (`localSecretStore`), as on the local stack.
      LOCAL_SECRET_STORE: 'memory',
    }),
    recipientZones: lookupRecipientZones,
    clock: { now: () => new Date(now) },
  });
  const deps = wiring();
  return {
    deps,
    freshProcess: wiring,
    table,
    scheduler,
    simulator,
    setNow: (iso) => {
      now = Date.parse(iso);
    },
    putClinic: async (overrides = {}) => {
      const clinic = { ...demoClinic('America/New_York'), ...overrides };
      await deps.clinics.putClinic(clinic);
      return clinic;
    },
    stop: async () => {
      await simulator.stop();
      await scheduler.stop();
    },
  };
}
