import type { KnowledgeFiles, PresignedUpload, StoredObject } from '../../ports/knowledge-files.js';
import { noteSdkCall } from '../aws/sdk-call-observers.js';
import { signedFetchClient, type SignedFetchClient, type SignedFetchOptions } from '../aws/signed-fetch.js';

/** Where {@link S3KnowledgeFiles} keeps documents (see {@link SignedFetchOptions} for the rest). */
export interface S3KnowledgeFilesOptions extends Pick<SignedFetchOptions, 'endpoint' | 'region' | 'env' | 'firstRetryMs' | 'timeoutMs'> {
  bucket: string;
}

/**
 * {@link KnowledgeFiles} on S3, through S3's REST API signed by aws4fetch ({@link signedFetchClient}): HeadObject,
 * CopyObject, GetObject and DeleteObject requests and a presigned PutObject URL
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html). In AWS the
 * bucket is addressed virtual-hosted style (`{bucket}.s3.{region}.amazonaws.com`); locally path style against the
 * S3-compatible server (which does not check signatures: the signing is aws4fetch's, a library used widely with S3).
 *
 * Presigned PUTs sign `content-type` and `content-length`, so S3 refuses a PUT of another type or size
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html), and carry no body checksum.
 *
 * Why not `@aws-sdk/client-s3`: it adds ~135 kB minified to each bundle that holds it (the knowledge routes and the
 * knowledge sync), for five simple requests. Each request is still reported to the SDK-call observers under the SDK's
 * client and command names, so the local permission recorder checks it against the stack's IAM grants.
 */
export class S3KnowledgeFiles implements KnowledgeFiles {
  private readonly client: SignedFetchClient;
  private readonly base: string;

  constructor(private readonly options: S3KnowledgeFilesOptions) {
    this.client = signedFetchClient({
      ...options,
      service: 's3',
      localCredentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    this.base = options.endpoint
      ? `${options.endpoint.replace(/\/+$/, '')}/${options.bucket}`
      : `https://${options.bucket}.s3.${this.client.region}.amazonaws.com`;
  }

  /** A URL that lets anyone holding it PUT exactly `bytes` bytes of `contentType` at `key` for `expiresInSeconds` s. */
  async presignPut(key: string, contentType: string, bytes: number, expiresInSeconds: number): Promise<PresignedUpload> {
    // Presigning sends nothing; the PUT it allows is authorized as this role's s3:PutObject (the local recorder hears of it).
    this.note('PutObjectCommand', { Key: key });
    const headers = { 'content-type': contentType, 'content-length': String(bytes) };
    const url = new URL(this.objectUrl(key));
    url.searchParams.set('X-Amz-Expires', String(expiresInSeconds));
    // `allHeaders`: the type and length are signed headers, so the PUT must carry exactly these.
    const signed = await this.client.sign(url.toString(), { method: 'PUT', headers, aws: { signQuery: true, allHeaders: true } });
    return { url: signed.url, headers };
  }

  /**
   * @returns the object's size and type, or `undefined` when there is no such object (S3's 404, which it answers only to
   *   a role that may also list the bucket: otherwise a missing object is a 403, see `knowledge-files:manage`).
   * @throws Error on any other answer.
   */
  async head(key: string): Promise<StoredObject | undefined> {
    this.note('HeadObjectCommand', { Key: key });
    const response = await this.client.fetch(this.objectUrl(key), { method: 'HEAD' });
    if (response.status === 404) return undefined;
    await this.expectOk(response, 'HeadObject', key);
    const contentType = response.headers.get('content-type');
    return { bytes: Number(response.headers.get('content-length') ?? 0), ...(contentType ? { contentType } : {}) };
  }

  /** Server-side copy of `from` to `to` in the bucket. @throws Error when S3 refuses it (also an error inside a 200). */
  async copy(from: string, to: string): Promise<void> {
    const copySource = `${this.options.bucket}/${encodeKey(from)}`;
    this.note('CopyObjectCommand', { Key: to, CopySource: copySource });
    const response = await this.client.fetch(this.objectUrl(to), { method: 'PUT', headers: { 'x-amz-copy-source': `/${copySource}` } });
    const body = await this.expectOk(response, 'CopyObject', to);
    // S3 may answer 200 and report a failed copy in the body (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html).
    if (body.includes('<Error>')) throw new Error(`S3 CopyObject to ${to} failed: ${body.slice(0, 300)}`);
  }

  /** @returns the object's bytes. @throws Error when it is missing or S3 refuses. */
  async read(key: string): Promise<Uint8Array> {
    this.note('GetObjectCommand', { Key: key });
    const response = await this.client.fetch(this.objectUrl(key), { method: 'GET' });
    if (!response.ok) await this.expectOk(response, 'GetObject', key);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Deletes the object; deleting a missing one succeeds, as in S3. @throws Error when S3 refuses. */
  async delete(key: string): Promise<void> {
    this.note('DeleteObjectCommand', { Key: key });
    await this.expectOk(await this.client.fetch(this.objectUrl(key), { method: 'DELETE' }), 'DeleteObject', key);
  }

  private objectUrl(key: string): string {
    return `${this.base}/${encodeKey(key)}`;
  }

  private note(command: string, input: Record<string, string>): void {
    noteSdkCall({ client: 'S3Client', command, input: { Bucket: this.options.bucket, ...input } });
  }

  /** @returns the body text of a 2xx answer. @throws Error naming the operation, the status and S3's error code. */
  private async expectOk(response: Response, operation: string, key: string): Promise<string> {
    const body = await response.text().catch(() => '');
    if (response.ok) return body;
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? 'no error code';
    throw new Error(`S3 ${operation} of ${key} failed (status ${response.status}, ${code})`);
  }
}

/** An object key as a URL path: each `/`-separated segment percent-encoded (S3 keys here never hold `//`). */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
