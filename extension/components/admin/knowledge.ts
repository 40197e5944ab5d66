import {
  AddTextSource,
  AddUrlSource,
  KNOWLEDGE_FILE_TYPES,
  MAX_KNOWLEDGE_FILE_BYTES,
  toValidationIssues,
  type AddKnowledgeSourceRequest,
  type KnowledgeFileType,
  type KnowledgeSource,
  type ValidationIssue,
} from '@vfc/shared';
import type { ApiFailure } from '../../lib/api-client';
import { backoffDelay } from '../../lib/poll-policy';
import { describeApiFailure } from '../../lib/error-text';

/**
 * The "Knowledge" section's logic (no rendering): the request bodies of the three add forms checked with the API's
 * schemas, which document types may be uploaded, where the API's refusals are shown, and when the list is read again.
 */

/** The fields an error can be shown beside (`file` covers the upload's `fileName`, `contentType` and `bytes`). */
export type KnowledgeField = 'title' | 'text' | 'url' | 'file';

/** Errors to show, each beside its field (already worded), and one not tied to a field. */
export interface KnowledgeErrors {
  fields: Partial<Record<KnowledgeField, string>>;
  general?: string;
}

/** The request field an issue's `path` names → the form field it is shown beside. */
export function fieldOfPath(path: string): KnowledgeField | undefined {
  if (path === 'title' || path === 'text' || path === 'url') return path;
  if (path === 'fileName' || path === 'contentType' || path === 'bytes' || path === 'uploadId') return 'file';
  return undefined;
}

/** Issues keyed by field (several on one field joined with `; `); issues of no known field become `general`. */
export function issueErrors(issues: readonly ValidationIssue[]): KnowledgeErrors {
  const errors: KnowledgeErrors = { fields: {} };
  const general: string[] = [];
  for (const { path, message } of issues) {
    const field = fieldOfPath(path);
    if (!field) general.push(message);
    else errors.fields[field] = errors.fields[field] ? `${errors.fields[field]}; ${message}` : message;
  }
  if (general.length) errors.general = general.join('; ');
  return errors;
}

type Checked = { ok: true; body: AddKnowledgeSourceRequest } | { ok: false; issues: ValidationIssue[] };

/** The `POST /clinic/knowledge` body of a text (title ≤ 120, text ≤ 50,000 characters, both trimmed), or its issues. */
export function textSourceRequest(title: string, text: string): Checked {
  const parsed = AddTextSource.safeParse({ kind: 'text', title, text });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: toValidationIssues(parsed.error) };
}

/** The `POST /clinic/knowledge` body of a web page (an `https://` address, trimmed), or its issues. */
export function urlSourceRequest(url: string): Checked {
  const parsed = AddUrlSource.safeParse({ kind: 'url', url: url.trim() });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: toValidationIssues(parsed.error) };
}

/** Why a chosen file cannot be uploaded: not a .pdf/.txt/.md/.docx, empty, or above 5 MB. */
export type FileProblem = 'type' | 'empty' | 'too_big';

/**
 * The upload's content type, from the file name's extension (browsers give `.md` files no type, or a non-standard
 * one, so the extension decides; the type is signed into the upload URL). Checks the size against 5 MB (5,242,880 bytes).
 */
export function fileUploadType(file: Pick<File, 'name' | 'size'>): { ok: true; contentType: KnowledgeFileType } | { ok: false; problem: FileProblem } {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const contentType = (Object.keys(KNOWLEDGE_FILE_TYPES) as KnowledgeFileType[]).find((type) => KNOWLEDGE_FILE_TYPES[type] === extension);
  if (!contentType || !file.name.includes('.')) return { ok: false, problem: 'type' };
  if (file.size <= 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_KNOWLEDGE_FILE_BYTES) return { ok: false, problem: 'too_big' };
  return { ok: true, contentType };
}

/** The `accept` attribute of the file input: the four types and their extensions. */
export const FILE_ACCEPT = [...Object.keys(KNOWLEDGE_FILE_TYPES), ...Object.values(KNOWLEDGE_FILE_TYPES).map((ext) => `.${ext}`)].join(',');

/**
 * Where a refused add is shown. 400 with `issues` → beside the fields they name (`file` for an upload's fields);
 * 413 `payload_too_large` → beside `sizeField` (the file); 409 `too_many_sources` and anything else → general, in the
 * API's words (or the extension's sentence for 401/403/network).
 */
export function failureErrors(failure: ApiFailure, sizeField: KnowledgeField = 'file'): KnowledgeErrors {
  const { error } = failure;
  if (failure.status === 400 && error.issues?.length) {
    const errors = issueErrors(error.issues);
    if (Object.keys(errors.fields).length > 0) return errors;
  }
  if (failure.status === 413) return { fields: { [sizeField]: error.message } };
  return { fields: {}, general: describeApiFailure(failure) };
}

/** Is the provider still working on some source (`pending` or `syncing`)? Then the list is read again. */
export function hasActiveSources(items: readonly Pick<KnowledgeSource, 'status'>[]): boolean {
  return items.some((item) => item.status === 'pending' || item.status === 'syncing');
}

/** First wait (ms) between reads while a source is pending or syncing. */
export const KNOWLEDGE_POLL_BASE_MS = 2_000;
/** Longest wait (ms) between those reads. */
export const KNOWLEDGE_POLL_MAX_MS = 30_000;
/** Most reads in a row while sources stay pending/syncing; then the list waits for "Sync now" or a change. */
export const KNOWLEDGE_POLL_MAX_READS = 30;

/**
 * The wait (ms) before reading the list again, or `undefined` for no further read (nothing pending or syncing, or
 * {@link KNOWLEDGE_POLL_MAX_READS} reads in a row already made).
 * @param items - the last list read (`undefined` before any success).
 * @param reads - reads made in a row while sources were active (the first one is 1).
 * @param failures - consecutive failed reads: then the shared back-off (5 s doubling to 5 min).
 * @returns 2 s, 3 s, 4.5 s … (×1.5 per read) capped at 30 s.
 */
export function knowledgeReadDelay(items: readonly Pick<KnowledgeSource, 'status'>[] | undefined, reads: number, failures: number): number | undefined {
  if (reads >= KNOWLEDGE_POLL_MAX_READS) return undefined;
  if (failures > 0) return backoffDelay(failures);
  if (!items || !hasActiveSources(items)) return undefined;
  return Math.min(Math.round(KNOWLEDGE_POLL_BASE_MS * 1.5 ** Math.max(0, reads - 1)), KNOWLEDGE_POLL_MAX_MS);
}
