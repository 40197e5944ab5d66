import { createHash } from 'node:crypto';
import type { KnowledgeSourceRecord } from '../../ports/knowledge-store.js';

/**
 * SHA-256 hex of what the provider receives for a source: title + text, the URL, or the file (its upload id and
 * length: every upload is a new object, so a new upload is new content). Equal hashes → the provider's copy is current.
 */
export function contentHash(source: Pick<KnowledgeSourceRecord, 'kind' | 'title' | 'text' | 'url' | 'objectKey' | 'bytes'>): string {
  const parts =
    source.kind === 'url'
      ? ['url', source.url ?? '']
      : source.kind === 'file'
        ? ['file', source.objectKey ?? '', String(source.bytes ?? 0)]
        : ['text', source.title, source.text ?? ''];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
