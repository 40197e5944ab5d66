import { describe, expect, it } from 'vitest';
import type { KnowledgeSource } from '@vfc/shared';
import type { ApiResult } from '../../lib/api-client';
import { uploadKnowledgeFile, type UploadStage } from './knowledge-upload';

const SOURCE: KnowledgeSource = { sourceId: 's1', kind: 'file', title: 'aftercare.pdf', bytes: 4, status: 'pending', updatedAt: '2026-11-24T15:00:00.000Z' };
const UPLOAD = {
  uploadId: 'u1',
  url: 'https://bucket.example/uploads/c1/u1?X-Amz-Signature=abc',
  headers: { 'content-type': 'application/pdf', 'content-length': '4' },
  expiresAt: '2026-11-24T15:15:00.000Z',
};

function fakeApi() {
  const calls: unknown[] = [];
  return {
    calls,
    api: {
      createKnowledgeUpload: async (body: unknown) => {
        calls.push(['create', body]);
        return { ok: true, status: 201, data: UPLOAD } as const;
      },
      addKnowledgeSource: async (body: unknown): Promise<ApiResult<KnowledgeSource>> => {
        calls.push(['add', body]);
        return { ok: true, status: 201, data: SOURCE };
      },
    },
  };
}

const file = () => new File(['%PDF'], 'aftercare.pdf', { type: 'application/pdf' });

describe('uploadKnowledgeFile', () => {
  it('asks for an upload URL, PUTs the file there with the signed headers, then adds it by uploadId', async () => {
    const { api, calls } = fakeApi();
    const puts: { url: string; init: RequestInit | undefined }[] = [];
    const stages: UploadStage[] = [];
    const result = await uploadKnowledgeFile(api, file(), 'application/pdf', (stage) => stages.push(stage), async (url, init) => {
      puts.push({ url, init });
      return new Response(null, { status: 200 });
    });
    expect([result.ok, stages, calls, puts.map((put) => [put.url, put.init?.method, put.init?.headers])]).toEqual([
      true,
      ['preparing', 'uploading', 'adding'],
      [
        ['create', { fileName: 'aftercare.pdf', contentType: 'application/pdf', bytes: 4 }],
        ['add', { kind: 'file', uploadId: 'u1' }],
      ],
      [[UPLOAD.url, 'PUT', UPLOAD.headers]],
    ]);
  });

  it('answers upload_failed with the status and adds nothing when storage refuses the PUT', async () => {
    const { api, calls } = fakeApi();
    const result = await uploadKnowledgeFile(api, file(), 'application/pdf', undefined, async () => new Response('denied', { status: 403 }));
    expect([result.ok ? '' : result.error.error, result.status, calls.length]).toEqual(['upload_failed', 403, 1]);
  });
});
