/** A presigned upload: PUT the bytes to `url` with exactly `headers`. */
export interface PresignedUpload {
  url: string;
  headers: { 'content-type': string; 'content-length': string };
}

/** What is stored for an object: its length in bytes and content type. */
export interface StoredObject {
  bytes: number;
  contentType?: string;
}

/** Where uploaded knowledge documents live (S3 in AWS; an S3-compatible server locally, behind the same adapter). */
export interface KnowledgeFiles {
  /**
   * A URL that accepts one PUT of exactly `bytes` bytes of `contentType` at `key` for `expiresInSeconds` seconds.
   */
  presignPut(key: string, contentType: string, bytes: number, expiresInSeconds: number): Promise<PresignedUpload>;
  /** The object's size and type. @returns undefined when there is no object at `key`. */
  head(key: string): Promise<StoredObject | undefined>;
  /** Copies `from` to `to` (server-side). */
  copy(from: string, to: string): Promise<void>;
  /** The object's bytes. @throws Error when it is missing. */
  read(key: string): Promise<Uint8Array>;
  /** Deletes the object (in a versioned bucket: a delete marker; the lifecycle expires the old version). */
  delete(key: string): Promise<void>;
}
