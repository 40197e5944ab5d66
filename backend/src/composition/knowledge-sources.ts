import { DynamoDbKnowledgeStore } from '../adapters/dynamodb/dynamodb-knowledge-store.js';
import { LambdaKnowledgeSyncQueue } from '../adapters/lambda/lambda-knowledge-sync-queue.js';
import { S3KnowledgeFiles } from '../adapters/s3/s3-knowledge-files.js';
import type { KnowledgeDependencies } from '../app/knowledge/knowledge-dependencies.js';
import type { KnowledgeFiles } from '../ports/knowledge-files.js';
import type { KnowledgeStore } from '../ports/knowledge-store.js';
import type { KnowledgeSyncQueue } from '../ports/knowledge-sync-queue.js';
import { processTable, requireEnv, storageDependencies } from './storage.js';

/*
 * The knowledge routes' dependencies, without any provider SDK: each handler takes the narrowest builder it needs, so
 * its bundle carries neither the S3 nor the Lambda client unless it uses them (the sync and the audit, which talk to
 * the providers, are composed in `knowledge.ts`).
 */

function knowledgeStore(): KnowledgeStore {
  const { db, tableName } = processTable();
  return new DynamoDbKnowledgeStore(db, tableName);
}

/** The asynchronous sync: `KNOWLEDGE_SYNC_FUNCTION_ARN` (+ `LAMBDA_ENDPOINT` locally). */
function syncQueue(env: NodeJS.ProcessEnv): KnowledgeSyncQueue {
  return new LambdaKnowledgeSyncQueue({ functionArn: requireEnv('KNOWLEDGE_SYNC_FUNCTION_ARN', env), endpoint: env.LAMBDA_ENDPOINT, region: env.AWS_REGION });
}

/** The uploaded documents: `KNOWLEDGE_BUCKET` (+ `S3_ENDPOINT` locally). */
export function knowledgeFiles(env: NodeJS.ProcessEnv): KnowledgeFiles {
  return new S3KnowledgeFiles({ bucket: requireEnv('KNOWLEDGE_BUCKET', env), endpoint: env.S3_ENDPOINT, region: env.AWS_REGION });
}

/** What every knowledge route reads: the clinic store, clock, logger and ids, and the knowledge store (one table). */
export type KnowledgeReadDependencies = Omit<KnowledgeDependencies, 'files' | 'syncQueue'>;

/**
 * The base every knowledge builder shares: the storage composition's clinic store, clock, logger and ids
 * (`TABLE_NAME`; `DYNAMODB_ENDPOINT` locally) and the knowledge store on the same table.
 */
export function knowledgeReadDependencies(): KnowledgeReadDependencies {
  const storage = storageDependencies();
  return { clinics: storage.clinics, clock: storage.clock, logger: storage.logger, newId: storage.newId, knowledge: knowledgeStore() };
}

/** What the clinic-settings handler (and a change of voice account) needs to regenerate the facts and queue a sync. */
export type ClinicFactsDependencies = Pick<KnowledgeDependencies, 'knowledge' | 'syncQueue' | 'clock' | 'logger'>;

/** The clinic-settings handler's (and a change of voice account's): the knowledge store and the sync queue. */
export function createClinicFactsDependencies(env: NodeJS.ProcessEnv = process.env): ClinicFactsDependencies {
  const { knowledge, clock, logger } = knowledgeReadDependencies();
  return { knowledge, clock, logger, syncQueue: syncQueue(env) };
}

/** Adding and removing sources: the knowledge store, the S3 documents and the sync queue. */
export function createKnowledgeDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeDependencies {
  return { ...knowledgeReadDependencies(), files: knowledgeFiles(env), syncQueue: syncQueue(env) };
}

let cachedRead: KnowledgeReadDependencies | undefined;
let cachedQueue: (KnowledgeReadDependencies & Pick<KnowledgeDependencies, 'syncQueue'>) | undefined;
let cachedUpload: (KnowledgeReadDependencies & Pick<KnowledgeDependencies, 'files'>) | undefined;
let cachedFull: KnowledgeDependencies | undefined;
let cachedFacts: ClinicFactsDependencies | undefined;

/** Process-wide: `GET /clinic/knowledge` (the store only). */
export const knowledgeListDependencies = (): KnowledgeReadDependencies => (cachedRead ??= knowledgeReadDependencies());
/** Process-wide: "Sync now" (the store and the sync queue). */
export const knowledgeSyncRequestDependencies = () => (cachedQueue ??= { ...knowledgeReadDependencies(), syncQueue: syncQueue(process.env) });
/** Process-wide: presigned uploads (the store and the S3 documents). */
export const knowledgeUploadDependencies = () => (cachedUpload ??= { ...knowledgeReadDependencies(), files: knowledgeFiles(process.env) });
/** Process-wide {@link createKnowledgeDependencies}: adding and removing sources. */
export const knowledgeDependencies = (): KnowledgeDependencies => (cachedFull ??= createKnowledgeDependencies());
/** Process-wide {@link createClinicFactsDependencies}. */
export const clinicFactsDependencies = (): ClinicFactsDependencies => (cachedFacts ??= createClinicFactsDependencies());
