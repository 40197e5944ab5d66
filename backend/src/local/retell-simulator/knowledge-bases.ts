import type { IncomingMessage } from 'node:http';
import { sendJson } from '../emulator-kit/http-server.js';
import type { Route, RouteContext } from '../emulator-kit/router.js';

/** One source the simulated knowledge base holds (Retell's `knowledge_base_sources` item shapes). */
export type SimulatedKnowledgeSource =
  | { type: 'text'; source_id: string; title: string; content_url: string; text: string }
  | { type: 'url'; source_id: string; url: string }
  | { type: 'document'; source_id: string; filename: string; file_url: string; file_size: number };

interface StoredKnowledgeBase {
  knowledge_base_id: string;
  knowledge_base_name: string;
  status: 'in_progress' | 'complete' | 'error' | 'refreshing_in_progress';
  sources: SimulatedKnowledgeSource[];
  /** Sources added and still indexing (shown once the status reads `complete`). */
  indexing: SimulatedKnowledgeSource[];
  /** Status reads left before indexing finishes. */
  readsLeft: number;
  /** Messages of the last indexing (a corrupt file). */
  error_messages: string[];
  /** Whether the indexing in progress ends in `error`. */
  failing: boolean;
}

/** A file whose name ends like this fails to index (so the error path can be tested). */
export const CORRUPT_FILE_SUFFIX = '-corrupt.pdf';

/**
 * Retell knowledge bases, in memory: create, get (status `in_progress`/`refreshing_in_progress` for `readsToIndex`
 * reads after a change, then `complete`, or `error` when a `*-corrupt.pdf` was added, which is then left out), list,
 * delete, add-sources and delete-source. Sources appear in `knowledge_base_sources` once indexing completed.
 */
export class SimulatedKnowledgeBases {
  private readonly bases = new Map<string, StoredKnowledgeBase>();
  private nextId = 1;

  constructor(private readonly readsToIndex = 1) {}

  create(name: string): StoredKnowledgeBase {
    const id = `knowledge_base_sim${String(this.nextId++).padStart(6, '0')}`;
    const base: StoredKnowledgeBase = { knowledge_base_id: id, knowledge_base_name: name, status: 'complete', sources: [], indexing: [], readsLeft: 0, error_messages: [], failing: false };
    this.bases.set(id, base);
    return base;
  }

  /** Adds sources: the base indexes them for the next `readsToIndex` reads. */
  add(id: string, sources: { texts: { title: string; text: string }[]; urls: string[]; files: { name: string; size: number }[] }): StoredKnowledgeBase | undefined {
    const base = this.bases.get(id);
    if (!base) return undefined;
    const sid = () => `source_sim${String(this.nextId++).padStart(6, '0')}`;
    const corrupt = sources.files.filter((f) => f.name.endsWith(CORRUPT_FILE_SUFFIX));
    base.indexing.push(
      ...sources.texts.map((t) => ({ type: 'text' as const, source_id: sid(), title: t.title, text: t.text, content_url: `https://kb.sim.invalid/${id}/text` })),
      ...sources.urls.map((url) => ({ type: 'url' as const, source_id: sid(), url })),
      ...sources.files
        .filter((f) => !f.name.endsWith(CORRUPT_FILE_SUFFIX))
        .map((f) => ({ type: 'document' as const, source_id: sid(), filename: f.name, file_size: f.size, file_url: `https://kb.sim.invalid/${id}/${encodeURIComponent(f.name)}` })),
    );
    base.failing = corrupt.length > 0;
    base.error_messages = corrupt.map((f) => `Failed to parse document ${f.name}: the file is corrupt or unreadable`);
    base.status = base.sources.length ? 'refreshing_in_progress' : 'in_progress';
    base.readsLeft = this.readsToIndex;
    return base;
  }

  /** Reads a base as `get-knowledge-base` does (a read moves indexing along). */
  read(id: string, advance = true): Record<string, unknown> | undefined {
    const base = this.bases.get(id);
    if (!base) return undefined;
    if (advance && base.status === 'in_progress' || base.status === 'refreshing_in_progress') {
      if (base.readsLeft > 0) base.readsLeft--;
      else {
        base.sources.push(...base.indexing);
        base.indexing = [];
        base.status = base.failing ? 'error' : 'complete';
      }
    }
    return this.toResponse(base);
  }

  deleteSource(id: string, sourceId: string): 'ok' | 'no_base' | 'no_source' {
    const base = this.bases.get(id);
    if (!base) return 'no_base';
    const before = base.sources.length;
    base.sources = base.sources.filter((s) => s.source_id !== sourceId);
    return base.sources.length < before ? 'ok' : 'no_source';
  }

  delete(id: string): boolean {
    return this.bases.delete(id);
  }

  list(): Record<string, unknown>[] {
    return [...this.bases.keys()].map((id) => this.read(id, false)!);
  }

  /** Test view: the sources a base holds now (indexed ones), or undefined for an unknown base. */
  sourcesOf(id: string): SimulatedKnowledgeSource[] | undefined {
    return this.bases.get(id)?.sources.map((s) => ({ ...s }));
  }

  /** Test view: every base id. */
  ids(): string[] {
    return [...this.bases.keys()];
  }

  private toResponse(base: StoredKnowledgeBase): Record<string, unknown> {
    return {
      knowledge_base_id: base.knowledge_base_id,
      knowledge_base_name: base.knowledge_base_name,
      status: base.status,
      enable_auto_refresh: false,
      max_chunk_size: 2000,
      min_chunk_size: 400,
      ...(base.status === 'complete' || base.status === 'error'
        ? { knowledge_base_sources: base.sources.map(({ ...s }) => ('text' in s ? (({ text: _t, ...rest }) => rest)(s) : s)) }
        : {}),
      ...(base.error_messages.length ? { error_messages: base.error_messages } : {}),
    };
  }
}

async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The fields of a create / add-sources body, multipart (what retell-sdk sends) or JSON. */
interface SourceFields {
  name?: string;
  texts: { title: string; text: string }[];
  urls: string[];
  files: { name: string; size: number }[];
}

/**
 * Parses retell-sdk's multipart wire format: `knowledge_base_texts` and `knowledge_base_urls` as one part each holding
 * a JSON array, each file as a repeated `knowledge_base_files` part with its filename. A JSON body is accepted too.
 * @throws Error with a message for Retell's 400 when a field is malformed.
 */
async function readSourceFields(ctx: RouteContext): Promise<SourceFields> {
  const body = await rawBody(ctx.req);
  const type = ctx.req.headers['content-type'] ?? '';
  const fields: SourceFields = { texts: [], urls: [], files: [] };
  const asArray = (value: unknown, field: string): unknown[] => {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    if (!Array.isArray(parsed)) throw new Error(`${field} must be an array`);
    return parsed;
  };
  const take = (texts: unknown, urls: unknown) => {
    if (texts !== undefined && texts !== null) {
      fields.texts = asArray(texts, 'knowledge_base_texts').map((t) => {
        const item = t as { title?: unknown; text?: unknown };
        if (typeof item.title !== 'string' || typeof item.text !== 'string') throw new Error('knowledge_base_texts items need title and text');
        return { title: item.title, text: item.text };
      });
    }
    if (urls !== undefined && urls !== null) {
      fields.urls = asArray(urls, 'knowledge_base_urls').map((u) => {
        if (typeof u !== 'string' || !URL.canParse(u)) throw new Error('knowledge_base_urls items must be valid URLs');
        return u;
      });
    }
  };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://simulator.invalid/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) as Uint8Array<ArrayBuffer> }).formData();
    const name = form.get('knowledge_base_name');
    if (typeof name === 'string') fields.name = name;
    take(form.get('knowledge_base_texts') ?? undefined, form.get('knowledge_base_urls') ?? undefined);
    for (const file of form.getAll('knowledge_base_files')) {
      if (typeof file === 'string') throw new Error('knowledge_base_files parts must be files');
      fields.files.push({ name: file.name, size: file.size });
    }
    return fields;
  }
  const json = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
  if (typeof json.knowledge_base_name === 'string') fields.name = json.knowledge_base_name;
  take(json.knowledge_base_texts, json.knowledge_base_urls);
  return fields;
}

/** Routes of the knowledge-base API (paths as retell-sdk 5.66 calls them). `guarded` checks the key and scripted failures. */
export function knowledgeBaseRoutes(kbs: SimulatedKnowledgeBases, guarded: (handler: Route['handler']) => Route['handler']): Route[] {
  const error = (ctx: RouteContext, status: number, message: string) => sendJson(ctx.res, status, { status: 'error', message });
  return [
    {
      method: 'POST',
      path: '/create-knowledge-base',
      handler: guarded(async (ctx) => {
        let fields: SourceFields;
        try {
          fields = await readSourceFields(ctx);
        } catch (e) {
          return error(ctx, 400, (e as Error).message);
        }
        if (!fields.name) return error(ctx, 400, 'knowledge_base_name is required');
        if (fields.name.length >= 40) return error(ctx, 400, 'knowledge_base_name must be less than 40 characters');
        const base = kbs.create(fields.name);
        if (fields.texts.length || fields.urls.length || fields.files.length) kbs.add(base.knowledge_base_id, fields);
        sendJson(ctx.res, 201, kbs.read(base.knowledge_base_id, false));
      }),
    },
    {
      method: 'GET',
      path: '/get-knowledge-base/:knowledge_base_id',
      handler: guarded((ctx) => {
        const base = kbs.read(ctx.params.knowledge_base_id ?? '');
        if (!base) return error(ctx, 404, 'Knowledge base not found');
        sendJson(ctx.res, 200, base);
      }),
    },
    { method: 'GET', path: '/list-knowledge-bases', handler: guarded((ctx) => sendJson(ctx.res, 200, kbs.list())) },
    {
      method: 'DELETE',
      path: '/delete-knowledge-base/:knowledge_base_id',
      handler: guarded((ctx) => {
        if (!kbs.delete(ctx.params.knowledge_base_id ?? '')) return error(ctx, 404, 'Knowledge base not found');
        ctx.res.writeHead(204);
        ctx.res.end();
      }),
    },
    {
      method: 'POST',
      path: '/add-knowledge-base-sources/:knowledge_base_id',
      handler: guarded(async (ctx) => {
        let fields: SourceFields;
        try {
          fields = await readSourceFields(ctx);
        } catch (e) {
          return error(ctx, 400, (e as Error).message);
        }
        const id = ctx.params.knowledge_base_id ?? '';
        if (!kbs.add(id, fields)) return error(ctx, 404, 'Knowledge base not found');
        sendJson(ctx.res, 201, kbs.read(id, false));
      }),
    },
    {
      method: 'DELETE',
      path: '/delete-knowledge-base-source/:knowledge_base_id/source/:source_id',
      handler: guarded((ctx) => {
        const id = ctx.params.knowledge_base_id ?? '';
        const result = kbs.deleteSource(id, ctx.params.source_id ?? '');
        if (result === 'no_base') return error(ctx, 404, 'Knowledge base not found');
        if (result === 'no_source') return error(ctx, 404, 'Knowledge base source not found');
        sendJson(ctx.res, 200, kbs.read(id, false));
      }),
    },
  ];
}
