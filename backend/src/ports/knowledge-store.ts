import type { KnowledgeFileType, KnowledgeSourceKind, KnowledgeSourceStatus, VoiceProviderName } from '@vfc/shared';

/**
 * One knowledge source as stored: the content (a text inline, a URL, or the S3 key of a file), its content hash, and
 * where it stands at the provider. Instants are UTC ISO strings.
 */
export interface KnowledgeSourceRecord {
  sourceId: string;
  kind: KnowledgeSourceKind;
  title: string;
  /** `text` and `clinic_facts`: the content itself. */
  text?: string;
  /** `url`: the https page. */
  url?: string;
  /** `file`: the S3 object key, the name it was uploaded under and its type. */
  objectKey?: string;
  fileName?: string;
  contentType?: KnowledgeFileType;
  /** Size in bytes (a file's length, or a text's UTF-8 length). */
  bytes?: number;
  /** SHA-256 hex of what the provider receives (text + title, URL, or file bytes as declared at upload). */
  contentHash: string;
  status: KnowledgeSourceStatus;
  /** The provider's message when `status` is `error`. */
  error?: string;
  /** The provider's id of the copy it holds, once known. */
  providerSourceId?: string;
  /** `contentHash` of the copy the provider holds (unchanged content is not sent again). */
  syncedHash?: string;
  /** Removed by an admin: hidden from the list; the sync deletes the provider's copy, then the record. */
  removed?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The clinic's knowledge base at its provider. */
export interface KnowledgeBaseRecord {
  provider: VoiceProviderName;
  /**
   * The account it lives in (`retell:platform`, `retell:clinic:<id>`, `vapi:platform`, `vapi:clinic:<id>`); absent on
   * records written before accounts were kept, which are the provider's platform account.
   */
  account?: string;
  knowledgeBaseId: string;
  /** UTC ISO instant of the last finished sync. */
  syncedAt?: string;
}

/** An upload URL handed out (`POST /clinic/knowledge/uploads`), until it becomes a source or expires. */
export interface KnowledgeUploadRecord {
  uploadId: string;
  fileName: string;
  contentType: KnowledgeFileType;
  /** Declared (and signed) length in bytes. */
  bytes: number;
  /** Where the file is PUT (the `uploads/` prefix, expired by the bucket's lifecycle when abandoned). */
  objectKey: string;
  createdAt: string;
  /** Epoch seconds after which the record is dropped (DynamoDB TTL). */
  expiresAtSeconds: number;
}

/** The clinic's knowledge sources, its knowledge base record, pending uploads and the sync lease (DynamoDB). */
export interface KnowledgeStore {
  /** Every source of the clinic ordered by id; `removed` ones only with `includeRemoved`. */
  listSources(clinicId: string, options?: { includeRemoved?: boolean }): Promise<KnowledgeSourceRecord[]>;
  getSource(clinicId: string, sourceId: string): Promise<KnowledgeSourceRecord | undefined>;
  /**
   * Adds a new source if the clinic has fewer than `max` (counted atomically with the write).
   * @returns false when the clinic is at `max` (nothing written).
   * @throws Error when `sourceId` already exists.
   */
  addSource(clinicId: string, source: KnowledgeSourceRecord, max: number): Promise<boolean>;
  /** Replaces a source's record (status changes, regenerated content). */
  putSource(clinicId: string, source: KnowledgeSourceRecord): Promise<void>;
  /** Hides a source and frees its place under the cap. @returns false when there is no such live source. */
  markRemoved(clinicId: string, sourceId: string, at: string): Promise<boolean>;
  /** Deletes a removed source's record for good (after the provider's copy is gone). */
  deleteSource(clinicId: string, sourceId: string): Promise<void>;
  getBase(clinicId: string): Promise<KnowledgeBaseRecord | undefined>;
  putBase(clinicId: string, base: KnowledgeBaseRecord): Promise<void>;
  /** Forgets the knowledge base (e.g. the clinic switched provider): the next sync creates a new one. */
  deleteBase(clinicId: string): Promise<void>;
  putUpload(clinicId: string, upload: KnowledgeUploadRecord): Promise<void>;
  getUpload(clinicId: string, uploadId: string): Promise<KnowledgeUploadRecord | undefined>;
  deleteUpload(clinicId: string, uploadId: string): Promise<void>;
  /**
   * Takes the clinic's sync lease until `untilMs` (epoch ms) if it is free at `nowMs`. When it is held, records that
   * another sync is wanted and returns false (the holder runs again before it lets go).
   */
  claimSync(clinicId: string, nowMs: number, untilMs: number): Promise<boolean>;
  /** Lets the lease go. @returns true when another sync was asked for meanwhile (then the caller runs again, holding it). */
  releaseSync(clinicId: string, nowMs: number, untilMs: number): Promise<boolean>;
}
