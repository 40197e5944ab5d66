import * as z from '../zod.js';

/**
 * The clinic's knowledge base (`/clinic/knowledge`, admin): texts, web pages, documents and the generated clinic facts
 * the voice agent may answer from. Sources live here (texts in DynamoDB, files in S3); the provider's knowledge base
 * is a copy kept in step by a sync (docs/knowledge-base.md).
 */

/** What a source is: a typed text, a public web page, an uploaded document, or the facts generated from the settings. */
export const KnowledgeSourceKind = z.enum(['text', 'url', 'file', 'clinic_facts']);
export type KnowledgeSourceKind = z.infer<typeof KnowledgeSourceKind>;

/**
 * Where a source is in the sync: `pending` (changed here, not yet sent), `syncing` (sent, the provider is indexing it),
 * `ready` (indexed at the provider with its current content), `error` (the provider refused it; `error` says why, and
 * the next sync tries again).
 */
export const KnowledgeSourceStatus = z.enum(['pending', 'syncing', 'ready', 'error']);
export type KnowledgeSourceStatus = z.infer<typeof KnowledgeSourceStatus>;

/** Most sources one clinic may have (the generated clinic facts included). */
export const MAX_KNOWLEDGE_SOURCES = 50;
/** Longest title of a text source, in characters. */
export const MAX_KNOWLEDGE_TITLE_CHARS = 120;
/** Longest text source, in characters. */
export const MAX_KNOWLEDGE_TEXT_CHARS = 50_000;
/** Largest uploaded document, in bytes (5 MiB: far under Retell's 50 MB per file; files never pass through Lambda). */
export const MAX_KNOWLEDGE_FILE_BYTES = 5 * 1024 * 1024;

/** The document types an upload may have, by MIME type → the file extension it must end with. */
export const KNOWLEDGE_FILE_TYPES = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export const KnowledgeFileType = z.enum(Object.keys(KNOWLEDGE_FILE_TYPES) as [keyof typeof KNOWLEDGE_FILE_TYPES], {
  error: 'must be a PDF, plain text, Markdown or Word (.docx) document type',
});
export type KnowledgeFileType = z.infer<typeof KnowledgeFileType>;

/** One source as the API shows it. `bytes`: size of a file (or UTF-8 size of a text). `updatedAt`: UTC ISO instant. */
export const KnowledgeSource = z.object({
  sourceId: z.string(),
  kind: KnowledgeSourceKind,
  title: z.string(),
  /** The page of a `url` source. */
  url: z.optional(z.string()),
  bytes: z.optional(z.int().check(z.nonnegative())),
  status: KnowledgeSourceStatus,
  /** The provider's message when `status` is `error`. */
  error: z.optional(z.string()),
  updatedAt: z.string(),
});
export type KnowledgeSource = z.infer<typeof KnowledgeSource>;

/** `GET /clinic/knowledge` answer. `knowledgeBaseId`: the provider's id once created; `syncedAt`: UTC ISO of the last finished sync. */
export const ListKnowledgeResponse = z.object({
  items: z.array(KnowledgeSource),
  knowledgeBaseId: z.optional(z.string()),
  syncedAt: z.optional(z.string()),
});
export type ListKnowledgeResponse = z.infer<typeof ListKnowledgeResponse>;

const title = z
  .string()
  .check(z.trim(), z.minLength(1, 'is required'), z.maxLength(MAX_KNOWLEDGE_TITLE_CHARS, `must be at most ${MAX_KNOWLEDGE_TITLE_CHARS} characters`));

/** `POST /clinic/knowledge` with a text: `title` ≤ 120 characters, `text` ≤ 50,000 characters. */
export const AddTextSource = z.strictObject({
  kind: z.enum(['text']),
  title,
  text: z
    .string()
    .check(z.trim(), z.minLength(1, 'is required'), z.maxLength(MAX_KNOWLEDGE_TEXT_CHARS, `must be at most ${MAX_KNOWLEDGE_TEXT_CHARS} characters`)),
});
/** `POST /clinic/knowledge` with a public web page (https only); `title` defaults to the URL. */
export const AddUrlSource = z.strictObject({
  kind: z.enum(['url']),
  url: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be an https:// address of a public web page' })
    .check(z.maxLength(2000, 'must be at most 2000 characters')),
  title: z.optional(title),
});
/** `POST /clinic/knowledge` with a document uploaded first through `POST /clinic/knowledge/uploads`. */
export const AddFileSource = z.strictObject({
  kind: z.enum(['file']),
  uploadId: z.string().check(z.minLength(1, 'is required'), z.maxLength(100)),
  title: z.optional(title),
});

/** Body of `POST /clinic/knowledge`: one of a text, a URL or an uploaded file (`kind` says which). */
export const AddKnowledgeSourceRequest = z.discriminatedUnion('kind', [AddTextSource, AddUrlSource, AddFileSource], {
  error: 'kind must be "text", "url" or "file"',
});
export type AddKnowledgeSourceRequest = z.infer<typeof AddKnowledgeSourceRequest>;

/**
 * Body of `POST /clinic/knowledge/uploads`: the document about to be uploaded. `bytes` is its exact size; above
 * {@link MAX_KNOWLEDGE_FILE_BYTES} the answer is 413. The file name must end with the extension of its type.
 */
export const CreateKnowledgeUploadRequest = z
  .strictObject({
    fileName: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'is required'),
        z.maxLength(200, 'must be at most 200 characters'),
        z.regex(/^[^/\\\u0000-\u001f]+$/, 'must be a plain file name (no folders or control characters)'),
      ),
    contentType: KnowledgeFileType,
    bytes: z.int('must be a whole number of bytes').check(z.gte(1, 'must be at least 1 byte')),
  })
  .check(
    z.refine((body) => body.fileName.toLowerCase().endsWith(`.${KNOWLEDGE_FILE_TYPES[body.contentType]}`), {
      message: 'must end with the extension of its content type (.pdf, .txt, .md or .docx)',
      path: ['fileName'],
    }),
  );
export type CreateKnowledgeUploadRequest = z.infer<typeof CreateKnowledgeUploadRequest>;

/**
 * `POST /clinic/knowledge/uploads` answer: PUT the file's bytes to `url` with exactly `headers` before `expiresAt`
 * (UTC ISO); the URL accepts only that content type and length. Then `POST /clinic/knowledge {kind: "file", uploadId}`.
 */
export const CreateKnowledgeUploadResponse = z.object({
  uploadId: z.string(),
  url: z.string(),
  /** Exactly the headers the PUT must carry (they are signed into the URL). */
  headers: z.object({ 'content-type': z.string(), 'content-length': z.string() }),
  expiresAt: z.string(),
});
export type CreateKnowledgeUploadResponse = z.infer<typeof CreateKnowledgeUploadResponse>;

/** `{sourceId}` of `DELETE /clinic/knowledge/{sourceId}`. */
export const KnowledgeSourceIdPath = z.object({ sourceId: z.string().check(z.minLength(1), z.maxLength(100)) });
