import { i18n } from '#i18n';
import type { KnowledgeFileType, KnowledgeSource } from '@vfc/shared';
import type { ApiResult, FetchLike } from '../../lib/api-client';
import type { AdminApi } from '../../lib/messages';

type Api = Pick<AdminApi, 'createKnowledgeUpload' | 'addKnowledgeSource'>;

/** Where an upload is: asking for the upload URL, sending the bytes to storage, or adding the source. */
export type UploadStage = 'preparing' | 'uploading' | 'adding';

/**
 * Adds a document to the knowledge base in three steps (docs/knowledge-base.md): `POST /clinic/knowledge/uploads`
 * (through the background worker, with the admin token), a `PUT` of the bytes from this page straight to the
 * presigned storage URL with exactly the signed headers (the browser sets `content-length` from the file itself),
 * then `POST /clinic/knowledge {kind: "file", uploadId}`. Never throws: a refused or failed PUT answers
 * `upload_failed` with the HTTP status (`0` when storage could not be reached).
 * @param onStage - called as each step starts (for the loading text).
 */
export async function uploadKnowledgeFile(
  api: Api,
  file: File,
  contentType: KnowledgeFileType,
  onStage: (stage: UploadStage) => void = () => {},
  fetchFn: FetchLike = (input, init) => fetch(input, init),
): Promise<ApiResult<KnowledgeSource>> {
  onStage('preparing');
  const upload = await api.createKnowledgeUpload({ fileName: file.name, contentType, bytes: file.size });
  if (!upload.ok) return upload;
  onStage('uploading');
  let status = 0;
  try {
    const response = await fetchFn(upload.data.url, { method: 'PUT', headers: upload.data.headers, body: file });
    status = response.ok ? 200 : response.status;
  } catch {
    status = 0;
  }
  if (status !== 200) {
    return { ok: false, status, error: { error: 'upload_failed', message: i18n.t('knowledge.uploadFailed', [String(status)]) } };
  }
  onStage('adding');
  return api.addKnowledgeSource({ kind: 'file', uploadId: upload.data.uploadId });
}
