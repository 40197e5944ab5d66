import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { KnowledgeFiles, PresignedUpload, StoredObject } from '../../ports/knowledge-files.js';
import { noteSdkCall, observeSdkClient } from '../aws/sdk-call-observers.js';

/** Where {@link S3KnowledgeFiles} keeps documents. */
export interface S3KnowledgeFilesOptions {
  bucket: string;
  /** Local S3-compatible server only (path-style addressing, fixed local credentials). */
  endpoint?: string;
  region?: string;
}

/**
 * {@link KnowledgeFiles} on S3 (`@aws-sdk/client-s3`; locally the same client against an S3-compatible server).
 * Presigned PUTs sign `content-type` and `content-length`, so S3 refuses a PUT of another type or size
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html).
 */
export class S3KnowledgeFiles implements KnowledgeFiles {
  private readonly client: S3Client;

  constructor(private readonly options: S3KnowledgeFilesOptions) {
    this.client = observeSdkClient(
      new S3Client({
        // No checksum of the (still empty) body in presigned URLs: S3 would refuse the real upload's bytes.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint
          ? { endpoint: options.endpoint, forcePathStyle: true, region: options.region ?? 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
          : {}),
      }),
    );
  }

  async presignPut(key: string, contentType: string, bytes: number, expiresInSeconds: number): Promise<PresignedUpload> {
    const command = new PutObjectCommand({ Bucket: this.options.bucket, Key: key, ContentType: contentType, ContentLength: bytes });
    // Presigning sends nothing; the PUT it allows is authorized as this role's s3:PutObject (the local recorder hears of it).
    noteSdkCall({ client: 'S3Client', command: 'PutObjectCommand', input: { Bucket: this.options.bucket, Key: key } });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: expiresInSeconds,
      // Kept as signed headers (not query parameters): the PUT must carry exactly these.
      signableHeaders: new Set(['content-type', 'content-length']),
      unhoistableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, headers: { 'content-type': contentType, 'content-length': String(bytes) } };
  }

  async head(key: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return { bytes: out.ContentLength ?? 0, ...(out.ContentType ? { contentType: out.ContentType } : {}) };
    } catch (error) {
      if (error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined;
      throw error;
    }
  }

  async copy(from: string, to: string): Promise<void> {
    await this.client.send(new CopyObjectCommand({ Bucket: this.options.bucket, Key: to, CopySource: `${this.options.bucket}/${encodeURIComponent(from).replaceAll('%2F', '/')}` }));
  }

  async read(key: string): Promise<Uint8Array> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    if (!out.Body) throw new Error(`Object ${key} has no body`);
    return out.Body.transformToByteArray();
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }
}
