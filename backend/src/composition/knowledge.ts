import { DynamoDbKnowledgeStore } from '../adapters/dynamodb/dynamodb-knowledge-store.js';
import { LambdaKnowledgeSyncQueue } from '../adapters/lambda/lambda-knowledge-sync-queue.js';
import { RetellKnowledgeBase } from '../adapters/retell/retell-knowledge-base.js';
import { S3KnowledgeFiles } from '../adapters/s3/s3-knowledge-files.js';
import type { KnowledgeDependencies, KnowledgeSyncDependencies } from '../app/knowledge/knowledge-dependencies.js';
import type { KnowledgeDriftDeps } from '../app/knowledge/knowledge-drift.js';
import type { KnowledgeStore } from '../ports/knowledge-store.js';
import type { KnowledgeSyncQueue } from '../ports/knowledge-sync-queue.js';
import { createRetellClient } from './retell.js';
import { processTable, requireEnv, storageDependencies } from './storage.js';

/**
 * The knowledge handlers' dependencies, from the environment: `TABLE_NAME`, `KNOWLEDGE_BUCKET` (+ `S3_ENDPOINT`
 * locally), `KNOWLEDGE_SYNC_FUNCTION_ARN` (+ `LAMBDA_ENDPOINT` locally); for the sync also the Retell key and
 * `KNOWLEDGE_STATUS_READ_MS` (the wait between two status reads, ms; default 2000).
 */
function knowledgeStore(): KnowledgeStore {
  const { db, tableName } = processTable();
  return new DynamoDbKnowledgeStore(db, tableName);
}

function syncQueue(env: NodeJS.ProcessEnv): KnowledgeSyncQueue {
  return new LambdaKnowledgeSyncQueue({ functionArn: requireEnv('KNOWLEDGE_SYNC_FUNCTION_ARN', env), endpoint: env.LAMBDA_ENDPOINT, region: env.AWS_REGION });
}

function files(env: NodeJS.ProcessEnv) {
  return new S3KnowledgeFiles({ bucket: requireEnv('KNOWLEDGE_BUCKET', env), endpoint: env.S3_ENDPOINT, region: env.AWS_REGION });
}

/** What the clinic-settings handler needs to regenerate the clinic facts: the store and the sync queue. */
export type ClinicFactsDependencies = Pick<KnowledgeDependencies, 'knowledge' | 'syncQueue' | 'clock' | 'logger'>;

export function createClinicFactsDependencies(env: NodeJS.ProcessEnv = process.env): ClinicFactsDependencies {
  const storage = storageDependencies();
  return { knowledge: knowledgeStore(), syncQueue: syncQueue(env), clock: storage.clock, logger: storage.logger };
}

export function createKnowledgeDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeDependencies {
  const storage = storageDependencies();
  return {
    clinics: storage.clinics,
    clock: storage.clock,
    logger: storage.logger,
    newId: storage.newId,
    knowledge: knowledgeStore(),
    files: files(env),
    syncQueue: syncQueue(env),
  };
}

export function createKnowledgeSyncDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeSyncDependencies {
  const storage = storageDependencies();
  const retell = new RetellKnowledgeBase(createRetellClient(env));
  const readMs = env.KNOWLEDGE_STATUS_READ_MS ? Number(env.KNOWLEDGE_STATUS_READ_MS) : undefined;
  return {
    clinics: storage.clinics,
    clock: storage.clock,
    logger: storage.logger,
    newId: storage.newId,
    knowledge: knowledgeStore(),
    files: files(env),
    // The platform's Retell workspace; a clinic calling through Vapi has no knowledge sync here yet.
    providerFor: (clinic) => (clinic.voice?.provider === 'vapi' ? undefined : retell),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, readMs ?? ms)),
  };
}

/** What the agent audit reads of the knowledge bases: the store and the platform Retell's knowledge-base API (no S3). */
export function createKnowledgeDriftDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeDriftDeps {
  const storage = storageDependencies();
  const retell = new RetellKnowledgeBase(createRetellClient(env));
  return { knowledge: knowledgeStore(), clock: storage.clock, logger: storage.logger, providerFor: (clinic) => (clinic.voice?.provider === 'vapi' ? undefined : retell) };
}

let cached: KnowledgeDependencies | undefined;
let cachedFacts: ClinicFactsDependencies | undefined;
let cachedSync: KnowledgeSyncDependencies | undefined;

/** Process-wide {@link createKnowledgeDependencies}, built on first use. */
export const knowledgeDependencies = (): KnowledgeDependencies => (cached ??= createKnowledgeDependencies());
/** Process-wide {@link createClinicFactsDependencies}, built on first use. */
export const clinicFactsDependencies = (): ClinicFactsDependencies => (cachedFacts ??= createClinicFactsDependencies());
/** Process-wide {@link createKnowledgeSyncDependencies}, built on first use. */
export const knowledgeSyncDependencies = (): KnowledgeSyncDependencies => (cachedSync ??= createKnowledgeSyncDependencies());
