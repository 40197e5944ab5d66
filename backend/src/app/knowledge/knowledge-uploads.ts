import { MAX_KNOWLEDGE_FILE_BYTES, type CreateKnowledgeUploadRequest, type CreateKnowledgeUploadResponse } from '@vfc/shared';
import { AppError } from '../errors.js';
import { requireClinic } from '../read-clinic.js';
import type { KnowledgeDependencies } from './knowledge-dependencies.js';
import { uploadObjectKey } from './object-keys.js';

/** How long an upload URL accepts the PUT, in seconds. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long the upload record waits for `POST /clinic/knowledge {kind: "file"}`, in seconds (then DynamoDB's TTL drops it). */
export const UPLOAD_RECORD_SECONDS = 24 * 60 * 60;

/**
 * `POST /clinic/knowledge/uploads`: a presigned PUT for one document of the declared type and exact length, under
 * `uploads/` in the bucket. Nothing passes through Lambda.
 * @throws AppError 413 `payload_too_large` above {@link MAX_KNOWLEDGE_FILE_BYTES} (nothing stored), 404 (clinic).
 */
export async function createKnowledgeUpload(
  deps: Pick<KnowledgeDependencies, 'clinics' | 'knowledge' | 'files' | 'clock' | 'newId' | 'logger'>,
  clinicId: string,
  request: CreateKnowledgeUploadRequest,
): Promise<CreateKnowledgeUploadResponse> {
  if (request.bytes > MAX_KNOWLEDGE_FILE_BYTES) {
    throw new AppError(413, 'payload_too_large', `The file is ${request.bytes} bytes; documents may be at most ${MAX_KNOWLEDGE_FILE_BYTES} bytes (5 MB)`, [
      { path: 'bytes', message: `must be at most ${MAX_KNOWLEDGE_FILE_BYTES}` },
    ]);
  }
  await requireClinic(deps, clinicId);
  const uploadId = deps.newId();
  const objectKey = uploadObjectKey(clinicId, uploadId);
  const now = deps.clock.now();
  const presigned = await deps.files.presignPut(objectKey, request.contentType, request.bytes, UPLOAD_URL_SECONDS);
  await deps.knowledge.putUpload(clinicId, {
    uploadId,
    fileName: request.fileName,
    contentType: request.contentType,
    bytes: request.bytes,
    objectKey,
    createdAt: now.toISOString(),
    expiresAtSeconds: Math.floor(now.getTime() / 1000) + UPLOAD_RECORD_SECONDS,
  });
  deps.logger.info('knowledge upload url issued', { clinicId, uploadId, bytes: request.bytes });
  return { uploadId, url: presigned.url, headers: presigned.headers, expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString() };
}
