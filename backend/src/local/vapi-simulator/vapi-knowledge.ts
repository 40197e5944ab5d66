import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Vapi } from '@vapi-ai/server-sdk';
import * as z from '@vfc/shared/zod';
import { sendJson } from '../emulator-kit/http-server.js';
import type { Route, RouteContext } from '../emulator-kit/router.js';

/** A file whose name ends like this fails to process (so the error path can be tested). */
export const CORRUPT_FILE_SUFFIX = '-corrupt.pdf';

interface StoredFile {
  file: Vapi.File_;
  /** Reads of the file left before its processing ends. */
  readsLeft: number;
  /** The uploaded bytes (test view). */
  bytes: Uint8Array;
}

const knowledgeBaseSchema = z.object({
  provider: z.literal('google'),
  name: z.string().check(z.minLength(1)),
  description: z.string(),
  fileIds: z.array(z.string()),
  model: z.optional(z.string()),
});
const queryToolSchema = z.object({
  type: z.literal('query'),
  knowledgeBases: z.optional(z.array(knowledgeBaseSchema)),
  messages: z.optional(z.array(z.unknown())),
  rejectionPlan: z.optional(z.unknown()),
});

/**
 * Vapi files and query tools, in memory. A file reads `processing` for `readsToProcess` reads (`GET /file/{id}`) after
 * its upload, then `done` — or `failed` when its name ends in `-corrupt.pdf`. A query tool's `knowledgeBases[].fileIds`
 * must name files the org holds (else 400). Other tool types are refused (this project creates query tools only).
 */
export class SimulatedVapiKnowledge {
  private readonly files = new Map<string, StoredFile>();
  private readonly tools = new Map<string, Vapi.QueryTool & { type: 'query' }>();

  constructor(
    private readonly now: () => number,
    private readonly readsToProcess = 1,
  ) {}

  addFile(name: string, bytes: Uint8Array, mimetype: string, purpose?: string, metadata?: Record<string, unknown>): Vapi.File_ {
    const at = new Date(this.now()).toISOString();
    const file: Vapi.File_ = {
      id: randomUUID(),
      orgId: 'org_simulated',
      object: 'file',
      status: 'processing',
      name,
      originalName: name,
      bytes: bytes.length,
      mimetype,
      ...(purpose ? { purpose } : {}),
      ...(metadata ? { metadata } : {}),
      url: `https://files.sim.invalid/${encodeURIComponent(name)}`,
      createdAt: at,
      updatedAt: at,
    };
    this.files.set(file.id, { file, readsLeft: this.readsToProcess, bytes });
    return structuredClone(file);
  }

  /** Reads a file as `GET /file/{id}` does (a read moves its processing along). */
  readFile(id: string, advance = true): Vapi.File_ | undefined {
    const stored = this.files.get(id);
    if (!stored) return undefined;
    if (advance && stored.file.status === 'processing') {
      if (stored.readsLeft > 0) stored.readsLeft--;
      else {
        stored.file.status = stored.file.originalName?.endsWith(CORRUPT_FILE_SUFFIX) ? 'failed' : 'done';
        stored.file.updatedAt = new Date(this.now()).toISOString();
      }
    }
    return structuredClone(stored.file);
  }

  listFiles(purpose?: string): Vapi.File_[] {
    return [...this.files.values()].filter((s) => !purpose || s.file.purpose === purpose).map((s) => structuredClone(s.file));
  }

  deleteFile(id: string): Vapi.File_ | undefined {
    const stored = this.files.get(id);
    this.files.delete(id);
    return stored && structuredClone(stored.file);
  }

  createTool(body: z.infer<typeof queryToolSchema>): Vapi.QueryTool {
    const at = new Date(this.now()).toISOString();
    const tool = { ...body, id: randomUUID(), orgId: 'org_simulated', createdAt: at, updatedAt: at } as Vapi.QueryTool & { type: 'query' };
    this.tools.set(tool.id, tool);
    return structuredClone(tool);
  }

  /** Replaces the fields sent (Vapi replaces `knowledgeBases` whole). */
  updateTool(id: string, body: z.infer<typeof queryToolSchema>): Vapi.QueryTool | undefined {
    const current = this.tools.get(id);
    if (!current) return undefined;
    const updated = { ...current, ...body, id, updatedAt: new Date(this.now()).toISOString() } as Vapi.QueryTool & { type: 'query' };
    this.tools.set(id, updated);
    return structuredClone(updated);
  }

  getTool(id: string): Vapi.QueryTool | undefined {
    const tool = this.tools.get(id);
    return tool && structuredClone(tool);
  }

  listTools(): Vapi.QueryTool[] {
    return [...this.tools.values()].map((t) => structuredClone(t));
  }

  deleteTool(id: string): Vapi.QueryTool | undefined {
    const tool = this.tools.get(id);
    this.tools.delete(id);
    return tool;
  }

  /** Test view: the files a tool lists, with their current status (reading does not move processing along). */
  filesOf(toolId: string): Vapi.File_[] | undefined {
    const tool = this.tools.get(toolId);
    if (!tool) return undefined;
    return (tool.knowledgeBases ?? []).flatMap((kb) => kb.fileIds).flatMap((id) => this.readFile(id, false) ?? []);
  }

  /** Test view: a file's uploaded bytes as UTF-8 text. */
  fileText(id: string): string | undefined {
    const stored = this.files.get(id);
    return stored && new TextDecoder().decode(stored.bytes);
  }

  /** The file ids of `knowledgeBases` the org does not hold. */
  unknownFiles(knowledgeBases: { fileIds: string[] }[] | undefined): string[] {
    return (knowledgeBases ?? []).flatMap((kb) => kb.fileIds).filter((id) => !this.files.has(id));
  }
}

async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Routes of Vapi's files and tools API (as `@vapi-ai/server-sdk` 2.0.1 calls them): `POST /file` (multipart: a `file`
 * part, optional `purpose` and `metadata` — a JSON string of at most 4096 characters), `GET /file?purpose=`,
 * `GET|DELETE /file/{id}`, `POST|GET /tool`, `GET|PATCH|DELETE /tool/{id}` (query tools).
 * @param sendError - answers Vapi's NestJS-style error body.
 */
export function vapiKnowledgeRoutes(kb: SimulatedVapiKnowledge, sendError: (ctx: RouteContext, status: number, message: string) => void): Route[] {
  type ToolBody = z.infer<typeof queryToolSchema>;
  const readTool = async (ctx: RouteContext): Promise<{ body: ToolBody; error?: undefined } | { body?: undefined; error: string }> => {
    let json: unknown;
    try {
      json = JSON.parse((await rawBody(ctx.req)).toString('utf8') || '{}');
    } catch {
      return { error: 'Invalid JSON body' };
    }
    const parsed = queryToolSchema.safeParse(json);
    if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    const unknown = kb.unknownFiles(parsed.data.knowledgeBases);
    if (unknown.length) return { error: `File not found: ${unknown.join(', ')}` };
    return { body: parsed.data };
  };
  return [
    {
      method: 'POST',
      path: '/file',
      handler: async (ctx) => {
        const type = ctx.req.headers['content-type'] ?? '';
        if (!type.startsWith('multipart/form-data')) return sendError(ctx, 400, 'Expected a multipart/form-data upload with a file part');
        const body = await rawBody(ctx.req);
        const form = await new Request('http://simulator.invalid/', {
          method: 'POST',
          headers: { 'content-type': type },
          body: new Uint8Array(body) as Uint8Array<ArrayBuffer>,
        }).formData();
        const file = form.get('file');
        if (!file || typeof file === 'string') return sendError(ctx, 400, 'file must be a file part');
        const purpose = form.get('purpose');
        if (purpose !== null && !['assistant', 'composer-attachment', 'knowledge-base-v2'].includes(String(purpose)))
          return sendError(ctx, 400, 'purpose must be one of assistant, composer-attachment, knowledge-base-v2');
        const metadata = form.get('metadata');
        let tag: Record<string, unknown> | undefined;
        if (typeof metadata === 'string') {
          if (metadata.length > 4096) return sendError(ctx, 400, 'metadata must be at most 4096 characters');
          try {
            tag = JSON.parse(metadata) as Record<string, unknown>;
          } catch {
            return sendError(ctx, 400, 'metadata must be a JSON string');
          }
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        sendJson(
          ctx.res,
          201,
          kb.addFile(file.name, bytes, file.type || 'application/octet-stream', typeof purpose === 'string' ? purpose : undefined, tag),
        );
      },
    },
    { method: 'GET', path: '/file', handler: (ctx) => sendJson(ctx.res, 200, kb.listFiles(ctx.url.searchParams.get('purpose') || undefined)) },
    {
      method: 'GET',
      path: '/file/:id',
      handler: (ctx) => {
        const file = kb.readFile(ctx.params.id ?? '');
        return file ? sendJson(ctx.res, 200, file) : sendError(ctx, 404, 'File not found');
      },
    },
    {
      method: 'DELETE',
      path: '/file/:id',
      handler: (ctx) => {
        const file = kb.deleteFile(ctx.params.id ?? '');
        return file ? sendJson(ctx.res, 200, file) : sendError(ctx, 404, 'File not found');
      },
    },
    {
      method: 'POST',
      path: '/tool',
      handler: async (ctx) => {
        const read = await readTool(ctx);
        if (!read.body) return sendError(ctx, 400, read.error);
        sendJson(ctx.res, 201, kb.createTool(read.body));
      },
    },
    { method: 'GET', path: '/tool', handler: (ctx) => sendJson(ctx.res, 200, kb.listTools()) },
    {
      method: 'GET',
      path: '/tool/:id',
      handler: (ctx) => {
        const tool = kb.getTool(ctx.params.id ?? '');
        return tool ? sendJson(ctx.res, 200, tool) : sendError(ctx, 404, 'Tool not found');
      },
    },
    {
      method: 'PATCH',
      path: '/tool/:id',
      handler: async (ctx) => {
        if (!kb.getTool(ctx.params.id ?? '')) return sendError(ctx, 404, 'Tool not found');
        const read = await readTool(ctx);
        if (!read.body) return sendError(ctx, 400, read.error);
        sendJson(ctx.res, 200, kb.updateTool(ctx.params.id ?? '', read.body));
      },
    },
    {
      method: 'DELETE',
      path: '/tool/:id',
      handler: (ctx) => {
        const tool = kb.deleteTool(ctx.params.id ?? '');
        return tool ? sendJson(ctx.res, 200, tool) : sendError(ctx, 404, 'Tool not found');
      },
    },
  ];
}
