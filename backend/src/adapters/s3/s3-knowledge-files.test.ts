import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../local/s3/s3-server.js';
import { S3KnowledgeFiles } from './s3-knowledge-files.js';

let s3: LocalS3;
let files: S3KnowledgeFiles;
beforeAll(async () => {
  s3 = await startLocalS3({ buckets: ['knowledge-test'] });
  files = new S3KnowledgeFiles({ bucket: 'knowledge-test', endpoint: s3.endpoint });
});
afterAll(() => s3?.stop());

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
});
