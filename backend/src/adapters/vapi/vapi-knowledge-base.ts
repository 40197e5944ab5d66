import { VapiError, VapiTimeoutError, type Vapi } from '@vapi-ai/server-sdk';
import {
  KnowledgeProviderError,
  type KnowledgeBaseProvider,
  type OutgoingKnowledgeSource,
  type ProviderKnowledgeBase,
  type ProviderKnowledgeSource,
} from '../../ports/knowledge-base-provider.js';
import type { VapiKnowledgeResources } from './vapi-knowledge-client.js';

/** Why a page URL cannot be a source on Vapi: its knowledge bases take uploaded files only (nothing is fetched). */
export const VAPI_URL_UNSUPPORTED =
  'Web pages (URL sources) are not supported on Vapi: its knowledge bases only take uploaded files. Paste the page as a text, or upload it as a document.';

/** The only retrieval provider of Vapi's query tool (SDK `KnowledgeBaseProvider`). */
const QUERY_PROVIDER = 'google';

/** What we write in each uploaded file's `metadata`: a text is found again by its title, a document by its file name. */
interface FileTag {
  knowledgeSource: 'text' | 'file';
  title?: string;
}

/**
 * {@link KnowledgeBaseProvider} on Vapi through `@vapi-ai/server-sdk` 2.0.1 (docs/knowledge-base.md, "Vapi"): the
 * clinic's knowledge base is one **query tool** (`POST /tool {type: "query", knowledgeBases: [{provider: "google",
 * name, description, fileIds}]}`), its id being the knowledge base id; each source is one uploaded file
 * (`POST /file`, multipart; a text goes up as a `.txt` file) listed in the tool's `fileIds`; a file's `status`
 * (`processing` → `done` | `failed`) is the source's indexing state; the tool is attached by adding its id to the
 * assistant's `model.toolIds` (`PATCH /assistant/{id}` with the whole `model` as read, since Vapi replaces `model`
 * wholesale — its other tool ids and fields are kept; nothing else is sent). URL sources are refused
 * ({@link VAPI_URL_UNSUPPORTED}): Vapi has no page ingestion. Failures throw {@link KnowledgeProviderError} with
 * Vapi's message.
 */
export class VapiKnowledgeBase implements KnowledgeBaseProvider {
  constructor(private readonly client: () => Promise<VapiKnowledgeResources>) {}

  async create(name: string): Promise<string> {
    const tool = await this.call((c) =>
      c.tools.create({ type: 'query', knowledgeBases: [{ provider: QUERY_PROVIDER, name, description: describe(name), fileIds: [] }] }),
    );
    return tool.id;
  }

  async get(knowledgeBaseId: string): Promise<ProviderKnowledgeBase | undefined> {
    const tool = await this.queryTool(knowledgeBaseId);
    if (!tool) return undefined;
    const fileIds = [...new Set((tool.knowledgeBases ?? []).flatMap((kb) => kb.fileIds ?? []))];
    // A file deleted behind our back (404) is simply not held any more.
    const files = (await Promise.all(fileIds.map((id) => this.fileOrUndefined(id)))).filter((f): f is Vapi.File_ => f !== undefined);
    const sources = files.map(toSource);
    const status = sources.some((s) => s.status === 'indexing') ? 'indexing' : sources.some((s) => s.status === 'error') ? 'error' : 'ready';
    return { knowledgeBaseId, status, sources, errors: sources.flatMap((s) => (s.error ? [s.error] : [])) };
  }

  /** Uploads each source as a file, then lists the new files in the tool (one `PATCH /tool/{id}`). */
  async addSources(knowledgeBaseId: string, sources: OutgoingKnowledgeSource[]): Promise<void> {
    if (sources.some((s) => s.type === 'url')) throw new KnowledgeProviderError(VAPI_URL_UNSUPPORTED);
    const uploaded: string[] = [];
    try {
      for (const source of sources) uploaded.push(await this.upload(source));
      const tool = await this.requireQueryTool(knowledgeBaseId);
      const [first, ...rest] = tool.knowledgeBases!;
      await this.updateTool(knowledgeBaseId, [{ ...first!, fileIds: [...(first!.fileIds ?? []), ...uploaded] }, ...rest]);
    } catch (error) {
      // Files that never made it into the tool are removed again (best effort; an orphan costs storage only).
      await Promise.all(uploaded.map((id) => this.deleteFile(id).catch(() => undefined)));
      throw error;
    }
  }

  /** Takes the file out of the tool's `fileIds`, then deletes the file (either already gone = fine). */
  async deleteSource(knowledgeBaseId: string, providerSourceId: string): Promise<void> {
    const tool = await this.queryTool(knowledgeBaseId);
    const bases = tool?.knowledgeBases ?? [];
    if (bases.some((kb) => kb.fileIds?.includes(providerSourceId))) {
      await this.updateTool(knowledgeBaseId, bases.map((kb) => ({ ...kb, fileIds: (kb.fileIds ?? []).filter((id) => id !== providerSourceId) })));
    }
    await this.deleteFile(providerSourceId);
  }

  async attachedTo(agentId: string): Promise<string[]> {
    const assistant = await this.call((c) => c.assistants.get({ id: agentId }));
    return assistant.model?.toolIds ?? [];
  }

  async attach(agentId: string, knowledgeBaseId: string): Promise<boolean> {
    const assistant = await this.call((c) => c.assistants.get({ id: agentId }));
    const model = assistant.model;
    if (!model) throw new KnowledgeProviderError('The clinic assistant has no model in Vapi to attach the knowledge base to');
    const current = model.toolIds ?? [];
    if (current.includes(knowledgeBaseId)) return false;
    // `model` is replaced whole by Vapi: the model as read, with our tool id added to its others.
    await this.call((c) => c.assistants.update({ id: agentId, model: { ...model, toolIds: [...current, knowledgeBaseId] } as Vapi.UpdateAssistantDto['model'] }));
    return true;
  }

  private async upload(source: OutgoingKnowledgeSource): Promise<string> {
    const [data, filename, contentType, tag] =
      source.type === 'text'
        ? [new TextEncoder().encode(textFileBody(source.title, source.text)), textFileName(source.title), 'text/plain', { knowledgeSource: 'text', title: source.title } satisfies FileTag]
        : source.type === 'file'
          ? [source.bytes, source.fileName, contentTypeOf(source.fileName), { knowledgeSource: 'file' } satisfies FileTag]
          : (() => {
              throw new KnowledgeProviderError(VAPI_URL_UNSUPPORTED);
            })();
    const file = await this.call((c) => c.files.create({ file: { data, filename, contentType }, metadata: JSON.stringify(tag) }));
    return file.id;
  }

  private updateTool(id: string, knowledgeBases: Vapi.KnowledgeBase[]): Promise<unknown> {
    return this.call((c) => c.tools.update({ id, body: { type: 'query', knowledgeBases } }));
  }

  private async deleteFile(id: string): Promise<void> {
    try {
      await this.call((c) => c.files.delete({ id }), true);
    } catch (error) {
      if (error !== NOT_FOUND) throw error;
    }
  }

  private async fileOrUndefined(id: string): Promise<Vapi.File_ | undefined> {
    try {
      return await this.call((c) => c.files.get({ id }), true);
    } catch (error) {
      if (error === NOT_FOUND) return undefined;
      throw error;
    }
  }

  /** The query tool, or undefined when Vapi does not know it (or it is no longer a query tool with a knowledge base). */
  private async queryTool(id: string): Promise<Vapi.QueryTool | undefined> {
    try {
      const tool = await this.call((c) => c.tools.get({ id }), true);
      return tool.type === 'query' && (tool.knowledgeBases?.length ?? 0) > 0 ? tool : undefined;
    } catch (error) {
      if (error === NOT_FOUND) return undefined;
      throw error;
    }
  }

  private async requireQueryTool(id: string): Promise<Vapi.QueryTool> {
    const tool = await this.queryTool(id);
    if (!tool) throw new KnowledgeProviderError(`Vapi no longer has the knowledge base's query tool ${id}`);
    return tool;
  }

  /** Runs one SDK call; Vapi's errors become {@link KnowledgeProviderError} with its message (404 → NOT_FOUND when asked). */
  private async call<T>(fn: (client: VapiKnowledgeResources) => PromiseLike<T>, notFoundIsAnswer = false): Promise<T> {
    const client = await this.client();
    try {
      return await fn(client);
    } catch (error) {
      if (notFoundIsAnswer && error instanceof VapiError && error.statusCode === 404) throw NOT_FOUND;
      if (error instanceof VapiTimeoutError) throw new KnowledgeProviderError('Vapi did not answer in time');
      if (error instanceof VapiError) throw new KnowledgeProviderError(`Vapi refused the request (${error.statusCode ?? 'no status'}): ${messageOf(error.body) ?? error.message}`);
      throw new KnowledgeProviderError(error instanceof Error ? error.message : 'unknown Vapi error');
    }
  }
}

const NOT_FOUND = Symbol('not found');

/** The query tool's description of the clinic's knowledge base (the model reads it to decide when to search). */
function describe(name: string): string {
  return `Facts about ${name}: opening hours, contact details, prices, aftercare and clinic policies. Search it to answer an owner's question about the clinic.`;
}

/** Vapi's NestJS-style error body: `message` is a string or a list of strings. */
function messageOf(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ') || undefined;
  return undefined;
}

/** A file as our source copy: a tagged text by its title, anything else by its file name; its status as ours. */
function toSource(file: Vapi.File_): ProviderKnowledgeSource {
  const tag = file.metadata as Partial<FileTag> | undefined;
  const name = file.originalName ?? file.name ?? '';
  const status = file.status === 'done' ? 'ready' : file.status === 'failed' ? 'error' : 'indexing';
  return {
    providerSourceId: file.id,
    ...(tag?.knowledgeSource === 'text' && typeof tag.title === 'string' ? { type: 'text' as const, title: tag.title } : { type: 'file' as const, fileName: name }),
    status,
    ...(status === 'error' ? { error: `Vapi could not process the file ${name} (status failed)` } : {}),
  };
}

/** A title's tag (` [1a2b3c4d-9f8e7d6c]`) marks our copy; the file's text starts with the title without it. */
const TITLE_TAG = /\s*\[[0-9a-f]{8}-[0-9a-f]{8}\]$/;

/** The `.txt` body of a text source: its title, a blank line, the text. */
export function textFileBody(title: string, text: string): string {
  return `${title.replace(TITLE_TAG, '')}\n\n${text}\n`;
}

/** A safe `.txt` file name for a text source's title (letters, digits and dashes; at most 80 characters before `.txt`). */
export function textFileName(title: string): string {
  const slug = title.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${slug || 'text'}.txt`;
}

/** The MIME type of an uploaded document, from its extension (the upload route only admits these four). */
function contentTypeOf(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop();
  return (
    { pdf: 'application/pdf', txt: 'text/plain', md: 'text/markdown', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }[
      extension ?? ''
    ] ?? 'application/octet-stream'
  );
}
