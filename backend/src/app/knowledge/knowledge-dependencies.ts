import type { Clinic } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import type { KnowledgeBaseProvider } from '../../ports/knowledge-base-provider.js';
import type { KnowledgeFiles } from '../../ports/knowledge-files.js';
import type { KnowledgeStore } from '../../ports/knowledge-store.js';
import type { KnowledgeSyncQueue } from '../../ports/knowledge-sync-queue.js';

/** What the knowledge use cases need: the clinic store, the sources, the documents' storage and the background sync. */
export type KnowledgeDependencies = Pick<Dependencies, 'clinics' | 'clock' | 'logger' | 'newId'> & {
  knowledge: KnowledgeStore;
  files: KnowledgeFiles;
  syncQueue: KnowledgeSyncQueue;
};

/** The sync adds the provider's knowledge-base API and a way to wait between status reads (ms). */
export type KnowledgeSyncDependencies = Omit<KnowledgeDependencies, 'syncQueue'> & {
  /**
   * The clinic's knowledge-base provider in the account its calls go through (the platform's Retell workspace or Vapi
   * org, or the clinic's own with its key); undefined when there is no knowledge-base support for it here.
   */
  providerFor: (clinic: Clinic) => KnowledgeBaseProvider | undefined;
  /** Waits `ms` milliseconds between two reads of the knowledge base's status (a no-op in tests). */
  wait: (ms: number) => Promise<void>;
};
