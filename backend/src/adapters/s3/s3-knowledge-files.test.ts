import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addSdkCallObserver, type SdkCallObservation } from '../aws/sdk-call-observers.js';
import { startLocalS3, type LocalS3 } from '../../local/s3/s3-server.js';
import { S3KnowledgeFiles } from './s3-knowledge-files.js';

let s3: LocalS3;
let files: S3KnowledgeFiles;
beforeAll(async () => {
  s3 = await startLocalS3({ buckets: ['knowledge-test'] });
  files = new S3KnowledgeFiles({ bucket: 'knowledge-test', endpoint: s3.endpoint });
});
afterAll(() => s3?.stop());
let stopObserving: (() => void) | undefined;
afterEach(() => stopObserving?.());

const pdf = new TextEncoder().encode('%PDF-1.4 test document');

describe('S3KnowledgeFiles against the local S3 server', () => {
  it('accepts a presigned PUT of the signed type and length, then heads, copies, reads and deletes', async () => {
    const upload = await files.presignPut('uploads/c1/u1', 'application/pdf', pdf.length, 300);
    const res = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: pdf });
    expect(res.status).toBe(200);
    expect(await files.head('uploads/c1/u1')).toEqual({ bytes: pdf.length, contentType: 'application/pdf' });
    await files.copy('uploads/c1/u1', 'sources/c1/s1/aftercare.pdf');
    expect(new TextDecoder().decode(await files.read('sources/c1/s1/aftercare.pdf'))).toBe('%PDF-1.4 test document');
    await files.delete('uploads/c1/u1');
    expect(await files.head('uploads/c1/u1')).toBeUndefined();
  });

  it('signs the content type and length into the URL (S3 refuses a PUT of another type or size), with no body checksum', async () => {
    const upload = await files.presignPut('uploads/c1/u2', 'application/pdf', pdf.length, 300);
    const query = new URL(upload.url).searchParams;
    expect(query.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(query.get('X-Amz-Expires')).toBe('300');
    expect([...query.keys()].some((key) => key.startsWith('x-amz-checksum'))).toBe(false);
    expect(upload.headers).toEqual({ 'content-type': 'application/pdf', 'content-length': String(pdf.length) });
  });

  it('heads a missing object as undefined, deletes it without error, and refuses to read or copy it', async () => {
    expect(await files.head('uploads/c1/missing')).toBeUndefined();
    await files.delete('uploads/c1/missing');
    await expect(files.read('uploads/c1/missing')).rejects.toThrow('S3 GetObject of uploads/c1/missing failed (status 404, NoSuchKey)');
    await expect(files.copy('uploads/c1/missing', 'sources/c1/s9/x.pdf')).rejects.toThrow(
      'S3 CopyObject of sources/c1/s9/x.pdf failed (status 404, NoSuchKey)',
    );
  });

  it('reports each request to the SDK-call observers under the S3 client and command names', async () => {
    const observed: SdkCallObservation[] = [];
    stopObserving = addSdkCallObserver((call) => observed.push(call));
    await files.head('uploads/c1/u3');
    await files.delete('uploads/c1/u3');
    expect(observed).toEqual([
      { client: 'S3Client', command: 'HeadObjectCommand', input: { Bucket: 'knowledge-test', Key: 'uploads/c1/u3' } },
      { client: 'S3Client', command: 'DeleteObjectCommand', input: { Bucket: 'knowledge-test', Key: 'uploads/c1/u3' } },
    ]);
  });
});

describe('S3KnowledgeFiles in AWS', () => {
  it("presigns a virtual-hosted URL with the execution role's credentials from the environment, session token included", async () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session-token' };
    const upload = await new S3KnowledgeFiles({ bucket: 'vfc-knowledge', env }).presignPut('uploads/c1/u 1', 'application/pdf', 10, 300);
    const url = new URL(upload.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://vfc-knowledge.s3.eu-west-1.amazonaws.com/uploads/c1/u%201');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^ASIAEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session-token');
  });
});
