import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invocationMetrics } from './invocation-metrics.js';
import { countMetric, recordValue } from './powertools-metrics.js';

afterEach(() => vi.restoreAllMocks());

const context = { awsRequestId: 'req-1', functionName: 'dialer', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:dialer', memoryLimitInMB: '512', functionVersion: '$LATEST' } as unknown as Context;

/** The EMF documents (lines with `_aws`) written to stdout while `run` runs. */
async function emfLinesOf(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  await run().catch(() => undefined);
  vi.restoreAllMocks();
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((doc) => '_aws' in doc);
}

describe('invocationMetrics', () => {
  it('flushes all metrics of one invocation as exactly one EMF line, with every value, and none before the handler ends', async () => {
    let emittedInside = -1;
    const lines: string[] = [];
    const handler = middy<unknown, void>()
      .use(invocationMetrics())
      .handler(async () => {
        countMetric('TestCountA');
        countMetric('TestCountB', 2);
        recordValue('TestGauge', 0.5);
        emittedInside = lines.filter((l) => l.includes('"_aws"')).length;
      });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    await handler({}, context);
    vi.restoreAllMocks();
    const emf = lines.filter((l) => l.includes('"_aws"'));
    expect(emittedInside).toBe(0);
    expect(emf).toHaveLength(1);
    expect(JSON.parse(emf[0]!)).toMatchObject({ TestCountA: 1, TestCountB: 2, TestGauge: 0.5 });
  });

  it('flushes the metrics stored before the handler threw, exactly once', async () => {
    const handler = middy<unknown, void>()
      .use(invocationMetrics())
      .handler(async () => {
        countMetric('TestBeforeThrow');
        throw new Error('boom');
      });
    const docs = await emfLinesOf(() => handler({}, context));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ TestBeforeThrow: 1 });
  });

  it('writes no EMF line for an invocation that stored no metrics', async () => {
    const handler = middy<unknown, void>().use(invocationMetrics()).handler(async () => undefined);
    expect(await emfLinesOf(() => handler({}, context))).toHaveLength(0);
  });
});
