import type { KnowledgeSyncDependencies } from '../app/knowledge/knowledge-dependencies.js';
import type { KnowledgeDriftDeps } from '../app/knowledge/knowledge-drift.js';
import { knowledgeFiles, knowledgeReadDependencies } from './knowledge-sources.js';
import { knowledgeProvidersFromEnv } from './knowledge-providers.js';

/*
 * The parts of the knowledge base that talk to the providers: the sync and the audit's drift check. The routes that
 * only touch our store, S3 or the sync queue are composed in `knowledge-sources.ts`, without any provider SDK.
 */

/**
 * The sync's: the knowledge store, the S3 documents (read; a removed source's document deleted), each clinic's provider in the account its calls go
 * through (see `knowledge-providers.ts`) and the wait between two status reads (`KNOWLEDGE_STATUS_READ_MS`, default
 * 2000 ms).
 */
export function createKnowledgeSyncDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeSyncDependencies {
  const readMs = env.KNOWLEDGE_STATUS_READ_MS ? Number(env.KNOWLEDGE_STATUS_READ_MS) : undefined;
  return {
    ...knowledgeReadDependencies(),
    files: knowledgeFiles(env),
    providerFor: knowledgeProvidersFromEnv(env),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, readMs ?? ms)),
  };
}

/** What the agent audit reads of the knowledge bases: the store and each clinic's provider in its account (no S3). */
export function createKnowledgeDriftDependencies(env: NodeJS.ProcessEnv = process.env): KnowledgeDriftDeps {
  const { knowledge, clock, logger } = knowledgeReadDependencies();
  return { knowledge, clock, logger, providerFor: knowledgeProvidersFromEnv(env) };
}

let cachedSync: KnowledgeSyncDependencies | undefined;

/** Process-wide {@link createKnowledgeSyncDependencies}, built on first use. */
export const knowledgeSyncDependencies = (): KnowledgeSyncDependencies => (cachedSync ??= createKnowledgeSyncDependencies());
