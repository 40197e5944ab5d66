import { describe, expect, it } from 'vitest';
import {
  failureErrors,
  fileUploadType,
  hasActiveSources,
  issueErrors,
  KNOWLEDGE_POLL_MAX_MS,
  KNOWLEDGE_POLL_MAX_READS,
  knowledgeReadDelay,
  textSourceRequest,
  urlSourceRequest,
} from './knowledge';

describe('textSourceRequest', () => {
  it('trims the title and text into a text body', () => {
    expect(textSourceRequest('  Hours ', ' Open 8–6 ')).toEqual({ ok: true, body: { kind: 'text', title: 'Hours', text: 'Open 8–6' } });
  });

  it('refuses a title over 120 characters and an empty text, each by its path', () => {
    const checked = textSourceRequest('x'.repeat(121), '   ');
    expect(checked.ok ? [] : checked.issues.map((issue) => issue.path)).toEqual(['title', 'text']);
  });

  it('refuses a text over 50,000 characters', () => {
    const checked = textSourceRequest('Long', 'y'.repeat(50_001));
    expect(checked.ok ? [] : checked.issues.map((issue) => issue.path)).toEqual(['text']);
  });
});

describe('urlSourceRequest', () => {
  it('accepts an https address', () => {
    expect(urlSourceRequest(' https://clinic.example.com/faq ')).toEqual({ ok: true, body: { kind: 'url', url: 'https://clinic.example.com/faq' } });
  });

  it('refuses a plain http address at the url field', () => {
    const checked = urlSourceRequest('http://clinic.example.com/faq');
    expect(checked.ok ? [] : checked.issues.map((issue) => issue.path)).toEqual(['url']);
  });
});

describe('fileUploadType', () => {
  it('takes the content type from the extension (a .md file gets text/markdown)', () => {
    expect(fileUploadType({ name: 'Aftercare.MD', size: 10 })).toEqual({ ok: true, contentType: 'text/markdown' });
  });

  it('refuses another extension as the wrong type', () => {
    expect(fileUploadType({ name: 'photo.png', size: 10 })).toEqual({ ok: false, problem: 'type' });
  });

  it('refuses a file over 5 MB (5,242,881 bytes) as too big', () => {
    expect(fileUploadType({ name: 'big.pdf', size: 5 * 1024 * 1024 + 1 })).toEqual({ ok: false, problem: 'too_big' });
  });

  it('refuses an empty file', () => {
    expect(fileUploadType({ name: 'empty.txt', size: 0 })).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('issueErrors / failureErrors', () => {
  it('puts an upload issue on contentType beside the file field and an unknown path in general', () => {
    expect(issueErrors([{ path: 'contentType', message: 'bad type' }, { path: 'kind', message: 'bad kind' }])).toEqual({
      fields: { file: 'bad type' },
      general: 'bad kind',
    });
  });

  it('shows a 400 with issues beside the fields they name', () => {
    const failure = { ok: false as const, status: 400, error: { error: 'validation_error', message: 'invalid', issues: [{ path: 'title', message: 'is required' }] } };
    expect(failureErrors(failure, 'text')).toEqual({ fields: { title: 'is required' } });
  });

  it('shows a 413 beside the size field in the API words', () => {
    const failure = { ok: false as const, status: 413, error: { error: 'payload_too_large', message: 'The document is larger than 5 MB.' } };
    expect(failureErrors(failure, 'file')).toEqual({ fields: { file: 'The document is larger than 5 MB.' } });
  });

  it('shows a 409 too_many_sources as a general error in the API words', () => {
    const failure = { ok: false as const, status: 409, error: { error: 'too_many_sources', message: 'At most 50 sources per clinic.' } };
    expect(failureErrors(failure)).toEqual({ fields: {}, general: 'At most 50 sources per clinic.' });
  });
});

describe('knowledgeReadDelay', () => {
  it('reads again after 2 s, then 1.5 times longer per read while a source is syncing', () => {
    const items = [{ status: 'syncing' as const }];
    expect([1, 2, 3].map((reads) => knowledgeReadDelay(items, reads, 0))).toEqual([2_000, 3_000, 4_500]);
  });

  it('caps the wait at 30 s', () => {
    expect(knowledgeReadDelay([{ status: 'pending' }], 20, 0)).toBe(KNOWLEDGE_POLL_MAX_MS);
  });

  it('stops when nothing is pending or syncing', () => {
    expect(knowledgeReadDelay([{ status: 'ready' }, { status: 'error' }], 1, 0)).toBeUndefined();
  });

  it('stops after the most reads in a row', () => {
    expect(knowledgeReadDelay([{ status: 'syncing' }], KNOWLEDGE_POLL_MAX_READS, 0)).toBeUndefined();
  });

  it('backs off after failed reads (5 s, then 10 s)', () => {
    expect([1, 2].map((failures) => knowledgeReadDelay(undefined, 1, failures))).toEqual([5_000, 10_000]);
  });
});

describe('hasActiveSources', () => {
  it('is true when one source is pending', () => {
    expect(hasActiveSources([{ status: 'ready' }, { status: 'pending' }])).toBe(true);
  });
});
