import { DynamoDbKnowledgeStore } from '../adapters/dynamodb/dynamodb-knowledge-store.js';
import { LambdaKnowledgeSyncQueue } from '../adapters/lambda/lambda-knowledge-sync-queue.js';
import { S3KnowledgeFiles } from '../adapters/s3/s3-knowledge-files.js';
import type { KnowledgeDependencies, KnowledgeSyncDependencies } from '../app/knowledge/knowledge-dependencies.js';
import type { KnowledgeDriftDeps } from '../app/knowledge/knowledge-drift.js';
import type { KnowledgeStore } from '../ports/knowledge-store.js';
import type { KnowledgeSyncQueue } from '../ports/knowledge-sync-queue.js';
import { knowledgeProvidersFromEnv } from './knowledge-providers.js';
import { processTable, requireEnv, storageDependencies } from './storage.js';

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

/** What the clinic-settings handler (and a change of voice account) needs to regenerate the facts and queue a sync. */
export type ClinicFactsDependencies = Pick<KnowledgeDependencies, 'knowledge' | 'syncQueue' | 'clock' | 'logger'>;

/**
 * The one builder the knowledge handlers share: the clinic store, clock, logger and ids of the storage composition
 * (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally) and the knowledge store on the same table. Each handler adds only what it
 * uses: the S3 documents (`KNOWLEDGE_BUCKET`, + `S3_ENDPOINT` locally), the asynchronous sync
 * (`KNOWLEDGE_SYNC_FUNCTION_ARN`, + `LAMBDA_ENDPOINT` locally), or the providers' knowledge-base APIs (see
 * `knowledge-providers.ts`) with the wait between two status reads (`KNOWLEDGE_STATUS_READ_MS`, default 2000 ms).
 */
function baseDependencies(): Omit<KnowledgeDependencies, 'files' | 'syncQueue'> {
  const storage = storageDependencies();
  return { clinics: storage.clinics, clock: storage.clock, logger: storage.logger, newId: storage.newId, knowledge: knowledgeStore() };
}

/** The clinic-settings handler's (and a change of voice account's): the knowledge store and the sync queue. */
export function createClinicFactsDependencies(env: NodeJS.ProcessEnv = process.env): ClinicFactsDependencies {
  const { knowledge, clock, logger } = baseDependencies();
  return { knowledge, clock, logger, syncQueue: syncQueue(env) };
}

/** The source and upload routes': the knowledge store, the S3 documents and the sync queue. */
export function createKnowledgeDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeDependencies {
  return { ...baseDependencies(), files: files(env), syncQueue: syncQueue(env) };
}

/** The sync's: the knowledge store, the S3 documents (read only) and each clinic's provider in its account. */
export function createKnowledgeSyncDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeSyncDependencies {
  const readMs = env.KNOWLEDGE_STATUS_READ_MS ? Number(env.KNOWLEDGE_STATUS_READ_MS) : undefined;
  return {
    ...baseDependencies(),
    files: files(env),
    // Each clinic's provider in the account its calls go through (the platform's, or its own key's).
    providerFor: knowledgeProvidersFromEnv(env),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, readMs ?? ms)),
  };
}

/** What the agent audit reads of the knowledge bases: the store and each clinic's provider in its account (no S3). */
export function createKnowledgeDriftDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeDriftDeps {
  const { knowledge, clock, logger } = baseDependencies();
  return { knowledge, clock, logger, providerFor: knowledgeProvidersFromEnv(env) };
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
