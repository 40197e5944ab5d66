import {
  KnowledgeSource,
  MAX_KNOWLEDGE_SOURCES,
  type AddKnowledgeSourceRequest,
  type ListKnowledgeResponse,
} from '@vfc/shared';
import { AppError, conflict, invalidField, notFound } from '../errors.js';
import { requireClinic } from '../read-clinic.js';
import type { KnowledgeSourceRecord } from '../../ports/knowledge-store.js';
import { contentHash } from './content-hash.js';
import type { KnowledgeDependencies } from './knowledge-dependencies.js';
import { requestSync } from './request-sync.js';
import { sourceObjectKey } from './object-keys.js';

/** The API view of a stored source (no content, no provider ids). */
export function toKnowledgeSource(record: KnowledgeSourceRecord): KnowledgeSource {
  return KnowledgeSource.parse({
    sourceId: record.sourceId,
    kind: record.kind,
    title: record.title,
    ...(record.url ? { url: record.url } : {}),
    ...(record.bytes !== undefined ? { bytes: record.bytes } : {}),
    status: record.status,
    ...(record.status === 'error' && record.error ? { error: record.error } : {}),
    updatedAt: record.updatedAt,
  });
}

/** `GET /clinic/knowledge`: the clinic's live sources and its knowledge base. @throws AppError 404 (clinic). */
export async function listKnowledge(deps: Pick<KnowledgeDependencies, 'clinics' | 'knowledge'>, clinicId: string): Promise<ListKnowledgeResponse> {
  await requireClinic(deps, clinicId);
  const [sources, base] = await Promise.all([deps.knowledge.listSources(clinicId), deps.knowledge.getBase(clinicId)]);
  return {
    items: sources.map(toKnowledgeSource),
    ...(base ? { knowledgeBaseId: base.knowledgeBaseId } : {}),
    ...(base?.syncedAt ? { syncedAt: base.syncedAt } : {}),
  };
}

/**
 * `POST /clinic/knowledge/sync` ("Sync now"): the sources as they are now, then a sync queued in the background.
 * @throws AppError 404 when the clinic does not exist.
 */
export async function syncKnowledgeNow(
  deps: Pick<KnowledgeDependencies, 'clinics' | 'knowledge' | 'syncQueue' | 'logger'>,
  clinicId: string,
): Promise<ListKnowledgeResponse> {
  const now = await listKnowledge(deps, clinicId);
  await requestSync(deps, clinicId);
  return now;
}

/**
 * `POST /clinic/knowledge`: stores a text, a URL or an uploaded file as a `pending` source and asks for a sync.
 * A file moves from its upload key to the source's key (the upload record is then forgotten).
 * @throws AppError 404 (clinic, upload), 400 (file not uploaded, or not the declared size), 409 `too_many_sources`.
 */
export async function addKnowledgeSource(
  deps: KnowledgeDependencies,
  clinicId: string,
  request: AddKnowledgeSourceRequest,
): Promise<KnowledgeSource> {
  await requireClinic(deps, clinicId);
  const sourceId = deps.newId();
  const now = deps.clock.now().toISOString();
  let content: Pick<KnowledgeSourceRecord, 'kind' | 'title' | 'text' | 'url' | 'objectKey' | 'fileName' | 'contentType' | 'bytes'>;
  let uploadToForget: { uploadId: string; objectKey: string } | undefined;
  if (request.kind === 'text') {
    content = { kind: 'text', title: request.title, text: request.text, bytes: Buffer.byteLength(request.text, 'utf8') };
  } else if (request.kind === 'url') {
    content = { kind: 'url', title: request.title ?? request.url, url: request.url };
  } else {
    const upload = await deps.knowledge.getUpload(clinicId, request.uploadId);
    if (!upload) throw notFound('Upload');
    const stored = await deps.files.head(upload.objectKey);
    if (!stored) throw invalidField('uploadId', 'has no file yet: PUT the file to the upload URL first');
    if (stored.bytes !== upload.bytes) throw invalidField('uploadId', `holds ${stored.bytes} bytes, not the ${upload.bytes} declared`);
    const objectKey = sourceObjectKey(clinicId, sourceId, upload.fileName);
    content = { kind: 'file', title: request.title ?? upload.fileName, objectKey, fileName: upload.fileName, contentType: upload.contentType, bytes: upload.bytes };
    uploadToForget = { uploadId: upload.uploadId, objectKey: upload.objectKey };
  }
  const record: KnowledgeSourceRecord = { sourceId, ...content, contentHash: contentHash(content), status: 'pending', createdAt: now, updatedAt: now };
  if (uploadToForget) await deps.files.copy(uploadToForget.objectKey, record.objectKey!);
  if (!(await deps.knowledge.addSource(clinicId, record, MAX_KNOWLEDGE_SOURCES))) {
    if (record.objectKey) await deps.files.delete(record.objectKey);
    throw new AppError(409, 'too_many_sources', `A clinic can have at most ${MAX_KNOWLEDGE_SOURCES} knowledge sources: remove one first`);
  }
  if (uploadToForget) {
    await deps.files.delete(uploadToForget.objectKey);
    await deps.knowledge.deleteUpload(clinicId, uploadToForget.uploadId);
  }
  deps.logger.info('knowledge source added', { clinicId, sourceId, kind: record.kind });
  await requestSync(deps, clinicId);
  return toKnowledgeSource(record);
}

/**
 * `DELETE /clinic/knowledge/{sourceId}`: hides the source at once (its place under the cap is free) and asks for a
 * sync, which deletes the provider's copy, then the file's document (the bucket keeps the old version for a while,
 * then its lifecycle expires it) and then the record. No S3 access here: the route's bundle and grants stay small.
 * @throws AppError 404 (clinic or source), 409 for the generated clinic facts.
 */
export async function removeKnowledgeSource(
  deps: Pick<KnowledgeDependencies, 'clinics' | 'knowledge' | 'syncQueue' | 'clock' | 'logger'>,
  clinicId: string,
  sourceId: string,
): Promise<void> {
  await requireClinic(deps, clinicId);
  const source = await deps.knowledge.getSource(clinicId, sourceId);
  if (!source || source.removed) throw notFound('Knowledge source');
  if (source.kind === 'clinic_facts') throw conflict('The clinic facts follow the clinic settings and cannot be removed');
  if (!(await deps.knowledge.markRemoved(clinicId, sourceId, deps.clock.now().toISOString()))) throw notFound('Knowledge source');
  deps.logger.info('knowledge source removed', { clinicId, sourceId, kind: source.kind });
  await requestSync(deps, clinicId);
}
