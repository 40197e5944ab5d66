import { Clinic } from '@vfc/shared';
import { DynamoDbAgentRegistry } from '../../adapters/dynamodb/dynamodb-agent-registry.js';
import { DynamoDbAssistantRegistry } from '../../adapters/dynamodb/dynamodb-assistant-registry.js';
import { DynamoDbClinicStore } from '../../adapters/dynamodb/dynamodb-clinic-store.js';
import { MemorySecretStore } from '../../adapters/secrets/memory-secret-store.js';
import { VapiAccount } from '../../adapters/vapi/vapi-assistants.js';
import { vapiClientFactory } from '../../adapters/vapi/vapi-client.js';
import type { VapiRegistryDeps } from '../../app/agents/vapi-registry.js';
import type { AppLogger } from '../../ports/logger.js';
import { demoClinic } from '../seed-demo.js';
import { startVapiSimulator, type VapiSimulator } from '../vapi-simulator/index.js';
import { createTestTable } from './test-table.js';

/** The platform's Vapi key in these tests (the simulator's). */
export const PLATFORM_KEY = 'vapi-sim-platform-key';
/** Where the assistants send server messages in these tests. */
export const TEST_SERVER = { url: 'https://api.example.test/webhooks/vapi', credentialId: 'cred_hmac_1' };

/** The Vapi registry's use cases on real adapters: DynamoDB Local, the Vapi simulator through the Vapi adapter (real HTTP). */
export interface VapiRegistryWorld {
  sim: VapiSimulator;
  deps: VapiRegistryDeps;
  /** The Retell registry on the same table (to check it is left alone). */
  retellRegistry: DynamoDbAgentRegistry;
  clinics: DynamoDbClinicStore;
  /** The Vapi adapter on the platform key (to seed or inspect assistants as Vapi has them). */
  platform: VapiAccount;
  /** Moves the simulator's clock (its `createdAt` / `updatedAt`). */
  advance(ms: number): void;
  /** Stores a clinic on the platform's Vapi account (`provider: 'vapi'`), or on Retell with `provider: 'retell'`. */
  putClinic(clinicId: string, provider?: 'vapi' | 'retell'): Promise<Clinic>;
  stop(): Promise<void>;
}

/** Starts a fresh world (own table, own simulator). `logger` defaults to silence. */
export async function startVapiRegistryWorld(logger: AppLogger = { info() {}, warn() {}, error() {} }): Promise<VapiRegistryWorld> {
  let nowMs = Date.parse('2026-12-01T15:00:00.000Z');
  const sim = await startVapiSimulator({ apiKey: PLATFORM_KEY, now: () => nowMs });
  const table = await createTestTable();
  const clinics = new DynamoDbClinicStore(table.client, table.tableName);
  const vapiAccount = (key: string) => new VapiAccount(vapiClientFactory(async () => key, sim.url, 5_000));
  const deps: VapiRegistryDeps = {
    clinics,
    clock: { now: () => new Date(nowMs) },
    logger,
    assistants: new DynamoDbAssistantRegistry(table.client, table.tableName),
    secrets: new MemorySecretStore(),
    vapiAccount,
    platformVapiKey: async () => PLATFORM_KEY,
    vapiServer: () => TEST_SERVER,
  };
  return {
    sim,
    deps,
    clinics,
    retellRegistry: new DynamoDbAgentRegistry(table.client, table.tableName),
    platform: vapiAccount(PLATFORM_KEY),
    advance: (ms) => void (nowMs += ms),
    putClinic: async (clinicId, provider = 'vapi') => {
      const clinic = Clinic.parse({
        ...demoClinic('America/New_York'),
        clinicId,
        name: `Clinic ${clinicId}`,
        ...(provider === 'vapi' ? { voice: { provider: 'vapi', account: 'platform', phoneNumberId: sim.phoneNumbers()[0]!.id, fromNumber: '+15550100000', status: 'ok' } } : {}),
      });
      await clinics.putClinic(clinic);
      return clinic;
    },
    stop: () => sim.stop(),
  };
}
