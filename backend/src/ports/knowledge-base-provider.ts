/** A source as sent to the provider. Texts carry their content; files their bytes and file name. */
export type OutgoingKnowledgeSource =
  | { type: 'text'; title: string; text: string }
  | { type: 'url'; url: string }
  | { type: 'file'; fileName: string; bytes: Uint8Array };

/** A source the provider holds, with what identifies it (text by title, file by file name, URL by address). */
export interface ProviderKnowledgeSource {
  providerSourceId: string;
  type: 'text' | 'url' | 'file';
  title?: string;
  fileName?: string;
  url?: string;
  /**
   * This copy's own indexing state, when the provider reports one per source (Vapi: each file's `status`); absent when
   * only the whole base has a status (Retell). When present it wins over the base's `status` for this source.
   */
  status?: 'indexing' | 'ready' | 'error';
  /** Why this copy failed, when `status` is `error`. */
  error?: string;
}

/**
 * The provider's view of a knowledge base. `status`: `indexing` until the provider finished, then `ready` or `error`
 * (Retell: `in_progress` / `refreshing_in_progress` → `complete` / `error`). `errors`: the provider's messages.
 */
export interface ProviderKnowledgeBase {
  knowledgeBaseId: string;
  status: 'indexing' | 'ready' | 'error';
  sources: ProviderKnowledgeSource[];
  errors: string[];
}

/** An error the provider answered with (its message is shown to the clinic's admin). */
export class KnowledgeProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KnowledgeProviderError';
  }
}

/**
 * The provider's knowledge-base API (docs/knowledge-base.md): Retell's knowledge bases attached to the agent's LLM, or
 * Vapi's query tool attached to the assistant's `model.toolIds` (then the knowledge base id is the tool id and the
 * agent id the assistant id). Provider failures throw {@link KnowledgeProviderError}.
 */
export interface KnowledgeBaseProvider {
  /** Creates an empty knowledge base named `name` (< 40 characters). @returns its id. */
  create(name: string): Promise<string>;
  /** @returns undefined when the provider has no such knowledge base. */
  get(knowledgeBaseId: string): Promise<ProviderKnowledgeBase | undefined>;
  /** Adds sources; the base goes back to indexing. A kind the provider cannot take throws {@link KnowledgeProviderError}. */
  addSources(knowledgeBaseId: string, sources: OutgoingKnowledgeSource[]): Promise<void>;
  /** Removes one source (already gone = fine). */
  deleteSource(knowledgeBaseId: string, providerSourceId: string): Promise<void>;
  /** The knowledge bases the clinic's agent answers from (Retell: its LLM's `knowledge_base_ids`; Vapi: `model.toolIds`). */
  attachedTo(agentId: string): Promise<string[]>;
  /** Adds the knowledge base to the agent's (keeping any others). @returns true when it changed something. */
  attach(agentId: string, knowledgeBaseId: string): Promise<boolean>;
}
