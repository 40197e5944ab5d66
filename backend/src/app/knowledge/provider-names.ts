import type { Clinic } from '@vfc/shared';
import type { KnowledgeSourceRecord } from '../../ports/knowledge-store.js';
import type { ProviderKnowledgeSource } from '../../ports/knowledge-base-provider.js';

/** Longest knowledge-base name Retell accepts is 39 characters ("must be less than 40"). */
export const MAX_KNOWLEDGE_BASE_NAME = 39;

/** The clinic's knowledge-base name at the provider: its name, cut to fit. */
export function knowledgeBaseName(clinic: Pick<Clinic, 'name' | 'clinicId'>): string {
  return (clinic.name || clinic.clinicId).slice(0, MAX_KNOWLEDGE_BASE_NAME).trim();
}

/**
 * The name a source carries at the provider, unique to this source and content, so the copy can be found after
 * add-sources (Retell answers no ids: texts are matched by title, files by file name, URLs by address).
 * A file keeps its own name last (so its extension, and a `-corrupt.pdf` test suffix, survive).
 */
export function providerTitle(source: Pick<KnowledgeSourceRecord, 'sourceId' | 'title' | 'contentHash'>): string {
  return `${source.title} [${source.sourceId.slice(0, 8)}-${source.contentHash.slice(0, 8)}]`;
}

/** See {@link providerTitle}: `<hash8>-<file name>`. */
export function providerFileName(source: Pick<KnowledgeSourceRecord, 'fileName' | 'contentHash'>): string {
  return `${source.contentHash.slice(0, 8)}-${source.fileName ?? 'document'}`;
}

/** Is `remote` the provider's copy of `source` as it is now? */
export function isCopyOf(remote: ProviderKnowledgeSource, source: KnowledgeSourceRecord): boolean {
  if (source.kind === 'url') return remote.type === 'url' && remote.url === source.url;
  if (source.kind === 'file') return remote.type === 'file' && remote.fileName === providerFileName(source);
  return remote.type === 'text' && remote.title === providerTitle(source);
}
