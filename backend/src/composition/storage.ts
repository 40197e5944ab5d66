import { randomUUID } from 'node:crypto';
import type { Dependencies } from '../app/dependencies.js';
import { DEFAULT_CONCURRENCY_LIMIT } from '../app/concurrency/slot-policy.js';
import { RETELL_PLATFORM } from '../app/voice/voice-accounts.js';
import type { DialSlots } from '../ports/dial-slots.js';
import { clockFromEnv } from '../adapters/clock/scaled-clock.js';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbAgentRegistry } from '../adapters/dynamodb/dynamodb-agent-registry.js';
import { DynamoDbCallRequestReads } from '../adapters/dynamodb/dynamodb-call-request-reads.js';
import { DynamoDbCallStore } from '../adapters/dynamodb/dynamodb-call-store.js';
import { DynamoDbClinicStore } from '../adapters/dynamodb/dynamodb-clinic-store.js';
import { DynamoDbDialSlots } from '../adapters/dynamodb/dynamodb-dial-slots.js';
import { DynamoDbNumberUsageStore } from '../adapters/dynamodb/dynamodb-number-usage-store.js';
import { DynamoDbOptOutStore } from '../adapters/dynamodb/dynamodb-opt-out-store.js';
import { appLogger } from '../adapters/logging/powertools-logger.js';
import { appMetrics } from '../adapters/metrics/powertools-metrics.js';

/** The dependencies that need only the table (no Retell, no Scheduler): what read-only handlers import. */
export type StorageDependencies = Pick<
  Dependencies,
  'calls' | 'callRequestReads' | 'clinics' | 'agentRegistry' | 'optOuts' | 'numberUsage' | 'slots' | 'clock' | 'logger' | 'metrics' | 'newId'
> & {
  /** The slots of one provider account (`scope` = its id, see `app/voice/voice-accounts.ts`); one instance per scope and limit. */
  slotsFor: (scope: string, limit: number) => DialSlots;
};

/** Reads a required environment variable. @throws Error naming the variable when it is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** A concurrency limit from `env[name]` (positive integer), else `fallback`. @throws Error naming the variable when malformed. */
export function limitFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return limit;
}

/** `RETELL_CONCURRENCY_LIMIT` (positive integer), else {@link DEFAULT_CONCURRENCY_LIMIT}. @throws Error when malformed. */
export function concurrencyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return limitFromEnv('RETELL_CONCURRENCY_LIMIT', DEFAULT_CONCURRENCY_LIMIT, env);
}

/** The table every store writes to: one DynamoDB document client and the table's name. */
export interface Table {
  db: ReturnType<typeof createDocumentClient>;
  tableName: string;
}

/** A table from the environment (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally). @throws Error when `TABLE_NAME` is missing. */
export function tableFromEnv(env: NodeJS.ProcessEnv = process.env): Table {
  return { db: createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION }), tableName: requireEnv('TABLE_NAME', env) };
}

let processTableCache: Table | undefined;

/**
 * The process's one table client, built on first use: the stores of every composition share it, so a cold start
 * builds one DynamoDB client, not one per store family.
 */
export function processTable(): Table {
  processTableCache ??= tableFromEnv();
  return processTableCache;
}

/** The DynamoDB stores, clock, logger and ids, from the environment (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally). */
export function createStorageDependencies(env: NodeJS.ProcessEnv = process.env, table: Table = tableFromEnv(env)): StorageDependencies {
  const { db, tableName } = table;
  const slotsByScope = new Map<string, DialSlots>();
  const slotsFor = (scope: string, limit: number): DialSlots => {
    const key = `${scope}#${limit}`;
    let slots = slotsByScope.get(key);
    if (!slots) slotsByScope.set(key, (slots = new DynamoDbDialSlots(db, tableName, { scope, limit })));
    return slots;
  };
  const calls = new DynamoDbCallStore(db, tableName);
  return {
    calls,
    callRequestReads: new DynamoDbCallRequestReads(db, tableName, calls),
    clinics: new DynamoDbClinicStore(db, tableName),
    agentRegistry: new DynamoDbAgentRegistry(db, tableName),
    optOuts: new DynamoDbOptOutStore(db, tableName),
    numberUsage: new DynamoDbNumberUsageStore(db, tableName),
    // The platform Retell workspace's line; RETELL_CONCURRENCY_LIMIT = the workspace's limit (default 20).
    slots: slotsFor(RETELL_PLATFORM, concurrencyLimitFromEnv(env)),
    slotsFor,
    // The wall clock in AWS; locally `LOCAL_TIME_SCALE` + `LOCAL_TIME_ORIGIN` (set by the local stack) speed it up.
    clock: clockFromEnv(env),
    logger: appLogger,
    metrics: appMetrics,
    newId: randomUUID,
  };
}

let cached: StorageDependencies | undefined;

/**
 * The process-wide storage dependencies, built on first use. Handlers that only read or write the table import this
 * module instead of `composition.ts`, so their Lambda bundles leave out retell-sdk, the Scheduler client and the
 * Secrets Manager client (smaller bundle, faster cold start).
 */
export function storageDependencies(): StorageDependencies {
  cached ??= createStorageDependencies(process.env, processTable());
  return cached;
}
