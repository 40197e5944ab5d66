import * as z from '@vfc/shared/zod';
import { asyncEventHandler } from './async-event-handler.js';
import { syncKnowledge, type KnowledgeSyncReport } from '../app/knowledge/sync-knowledge.js';
import { knowledgeSyncDependencies } from '../composition/knowledge.js';

const SyncPayload = z.object({ clinicId: z.string().check(z.minLength(1)) });

/**
 * Syncs one clinic's knowledge base to its provider: invoked asynchronously (IAM only, no public URL) after each
 * knowledge or settings change and by "Sync now". Idempotent; a malformed payload is logged and dropped, any other
 * error is thrown so Lambda retries the invocation.
 */
export const handler = asyncEventHandler({
  payload: SyncPayload,
  payloadName: 'knowledge sync request',
  logger: () => knowledgeSyncDependencies().logger,
  run: (request): Promise<KnowledgeSyncReport> => syncKnowledge(knowledgeSyncDependencies(), request.clinicId),
});
