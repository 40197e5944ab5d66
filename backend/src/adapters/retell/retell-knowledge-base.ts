import Retell, { toFile } from 'retell-sdk';
import {
  KnowledgeProviderError,
  type KnowledgeBaseProvider,
  type OutgoingKnowledgeSource,
  type ProviderKnowledgeBase,
  type ProviderKnowledgeSource,
} from '../../ports/knowledge-base-provider.js';

/**
 * {@link KnowledgeBaseProvider} on retell-sdk 5.66.1 (docs/knowledge-base.md): `knowledgeBase.create`
 * (`POST /create-knowledge-base`), `retrieve` (`GET /get-knowledge-base/{id}`), `addSources`
 * (`POST /add-knowledge-base-sources/{id}`, multipart: texts and URLs as one JSON part each, files as repeated
 * `knowledge_base_files` parts), `deleteSource` (`DELETE /delete-knowledge-base-source/{kb}/source/{source}`), and the
 * agent's Retell LLM `knowledge_base_ids` (`agent.retrieve` → `llm.retrieve` / `llm.update`). Snake_case stays here.
 */
export class RetellKnowledgeBase implements KnowledgeBaseProvider {
  constructor(private readonly client: () => Promise<Retell>) {}

  async create(name: string): Promise<string> {
    const created = await this.call((c) => c.knowledgeBase.create({ knowledge_base_name: name }));
    return created.knowledge_base_id;
  }

  async get(knowledgeBaseId: string): Promise<ProviderKnowledgeBase | undefined> {
    try {
      return toBase(await this.call((c) => c.knowledgeBase.retrieve(knowledgeBaseId), true));
    } catch (error) {
      if (error === NOT_FOUND) return undefined;
      throw error;
    }
  }

  async addSources(knowledgeBaseId: string, sources: OutgoingKnowledgeSource[]): Promise<void> {
    const texts = sources.flatMap((s) => (s.type === 'text' ? [{ title: s.title, text: s.text }] : []));
    const urls = sources.flatMap((s) => (s.type === 'url' ? [s.url] : []));
    const files = await Promise.all(sources.flatMap((s) => (s.type === 'file' ? [toFile(s.bytes, s.fileName)] : [])));
    await this.call((c) =>
      c.knowledgeBase.addSources(knowledgeBaseId, {
        ...(texts.length ? { knowledge_base_texts: texts } : {}),
        ...(urls.length ? { knowledge_base_urls: urls } : {}),
        ...(files.length ? { knowledge_base_files: files } : {}),
      }),
    );
  }

  async deleteSource(knowledgeBaseId: string, providerSourceId: string): Promise<void> {
    try {
      // Argument order: the source id first, the knowledge base inside the params.
      await this.call((c) => c.knowledgeBase.deleteSource(providerSourceId, { knowledge_base_id: knowledgeBaseId }), true);
    } catch (error) {
      if (error !== NOT_FOUND) throw error;
    }
  }

  async attachedTo(agentId: string): Promise<string[]> {
    const llmId = await this.llmOf(agentId);
    if (!llmId) return [];
    const llm = await this.call((c) => c.llm.retrieve(llmId));
    return llm.knowledge_base_ids ?? [];
  }

  async attach(agentId: string, knowledgeBaseId: string): Promise<boolean> {
    const llmId = await this.llmOf(agentId);
    if (!llmId) throw new KnowledgeProviderError('The clinic agent has no Retell LLM to attach a knowledge base to');
    const llm = await this.call((c) => c.llm.retrieve(llmId));
    const current = llm.knowledge_base_ids ?? [];
    if (current.includes(knowledgeBaseId)) return false;
    await this.call((c) => c.llm.update(llmId, { knowledge_base_ids: [...current, knowledgeBaseId] }));
    return true;
  }

  private async llmOf(agentId: string): Promise<string | undefined> {
    const agent = await this.call((c) => c.agent.retrieve(agentId));
    return agent.response_engine?.type === 'retell-llm' ? agent.response_engine.llm_id : undefined;
  }

  /** Runs one SDK call; Retell's errors become {@link KnowledgeProviderError} with its message (404 → NOT_FOUND when asked). */
  private async call<T>(fn: (client: Retell) => PromiseLike<T>, notFoundIsAnswer = false): Promise<T> {
    const client = await this.client();
    try {
      return await fn(client);
    } catch (error) {
      if (notFoundIsAnswer && error instanceof Retell.NotFoundError) throw NOT_FOUND;
      if (error instanceof Retell.APIError) throw new KnowledgeProviderError(`Retell refused the request (${error.status ?? 'no status'}): ${error.message}`);
      throw new KnowledgeProviderError(error instanceof Error ? error.message : 'unknown Retell error');
    }
  }
}

const NOT_FOUND = Symbol('not found');

/** Retell's `error_messages` (not in the SDK type) are read when present. */
function toBase(kb: Retell.KnowledgeBaseResponse & { error_messages?: unknown }): ProviderKnowledgeBase {
  const status = kb.status === 'complete' ? 'ready' : kb.status === 'error' ? 'error' : 'indexing';
  const sources: ProviderKnowledgeSource[] = (kb.knowledge_base_sources ?? []).map((s) =>
    s.type === 'document'
      ? { providerSourceId: s.source_id, type: 'file', fileName: s.filename }
      : s.type === 'text'
        ? { providerSourceId: s.source_id, type: 'text', title: s.title }
        : { providerSourceId: s.source_id, type: 'url', url: s.url },
  );
  const errors = Array.isArray(kb.error_messages) ? kb.error_messages.filter((m): m is string => typeof m === 'string') : [];
  return { knowledgeBaseId: kb.knowledge_base_id, status, sources, errors };
}
