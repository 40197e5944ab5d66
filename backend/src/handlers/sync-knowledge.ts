import middy from '@middy/core';
import * as z from '@vfc/shared/zod';
import { lambdaContextLogging } from '../adapters/logging/lambda-context-logging.js';
import { syncKnowledge, type KnowledgeSyncReport } from '../app/knowledge/sync-knowledge.js';
import { knowledgeSyncDependencies } from '../composition/knowledge.js';

const SyncPayload = z.object({ clinicId: z.string().check(z.minLength(1)) });

/**
 * Syncs one clinic's knowledge base to its provider: invoked asynchronously (IAM only, no public URL) after each
 * knowledge or settings change and by "Sync now". Idempotent; a malformed payload is logged and dropped, any other
 * error is thrown so Lambda retries the invocation.
 */
export const handler = middy<unknown, KnowledgeSyncReport | 'skipped'>()
  .use(lambdaContextLogging())
  .handler(async (event) => {
    const parsed = SyncPayload.safeParse(event);
    if (!parsed.success) {
      knowledgeSyncDependencies().logger.error('malformed knowledge sync request', { issues: parsed.error.issues.length });
      return 'skipped';
    }
    return syncKnowledge(knowledgeSyncDependencies(), parsed.data.clinicId);
  });
