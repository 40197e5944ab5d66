import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '@vfc/shared';
import { ConsultationPanel } from './ConsultationPanel';
import { TEST_CLINIC, testCall, withBackground } from '../test-support/test-server';

/**
 * The consultation panel's polling budget, measured by counting the requests the real background worker sends to
 * a scripted API while fake timers move the clock (lib/poll-policy.ts holds the policy).
 */

const START = new Date('2026-11-24T15:00:00.000Z');
const read = async () => ({
  draft: { consultationId: '310382', ownerName: 'Jane Doe', petName: 'Bella', phoneNumber: '(415) 555-0123', vetName: '', dischargeSummary: '', notes: '' },
  phoneSource: 'page-data' as const,
});

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  vi.useFakeTimers({ now: START });
});

afterEach(() => {
  vi.useRealTimers();
});

/** A scripted API whose one call is what `callAt(now)` says; every request is recorded with its (fake) time. */
async function apiWith(callAt: (now: number) => Call | undefined) {
  const times: { url: string; at: number }[] = [];
  const server = await withBackground(
    (r) => void times.push({ url: r.url, at: Date.now() }),
    (r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined),
    (r) => {
      if (!r.url.includes('/calls?')) return undefined;
      const call = callAt(Date.now());
      return { status: 200, body: { items: call ? [call] : [] } };
    },
  );
  const consultationReads = () => times.filter((t) => t.url.includes('consultationId=')).map((t) => (t.at - START.getTime()) / 1000);
  return { server, consultationReads };
}

async function advanceMinutes(minutes: number) {
  for (let i = 0; i < minutes; i += 1) await vi.advanceTimersByTimeAsync(60_000);
}

describe('polling budget of the consultation panel', () => {
  it('a tab open 24 h with one call due tomorrow at 10:00 makes 1,159 requests (of at most 1,500)', async () => {
    // Opened Tue 15:00 UTC; the call is due Wed 10:00 UTC (19 h later), is in progress for 60 s, ends, and its
    // post-call analysis (summary) arrives 2 s after the ending.
    const due = Date.parse('2026-11-25T10:00:00.000Z');
    const ended = new Date(due + 60_000).toISOString();
    const { server, consultationReads } = await apiWith((now) => {
      const scheduledFor = new Date(due).toISOString();
      if (now < due) return testCall({ status: 'scheduled', scheduledFor });
      if (now < due + 60_000) return testCall({ status: 'in_progress', scheduledFor, updatedAt: new Date(due).toISOString() });
      if (now < due + 62_000) return testCall({ status: 'completed', scheduledFor, updatedAt: ended });
      return testCall({ status: 'completed', scheduledFor, updatedAt: new Date(due + 62_000).toISOString(), outcome: { summary: 'All good.' } });
    });
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    await advanceMinutes(24 * 60);

    const reads = consultationReads();
    // Once a minute until the due time: t = 0, 60, …, 68,400 s (the last one exactly at the due time) = 1,141 reads.
    expect(reads.slice(0, 1141)).toEqual(Array.from({ length: 1141 }, (_, i) => i * 60));
    // In progress: every 4 s until the read at due + 60 s sees it completed (15 reads), then once more at due + 64 s,
    // which finds the analysis; then none.
    expect(reads.slice(1141)).toEqual(Array.from({ length: 16 }, (_, i) => 68_400 + (i + 1) * 4));
    expect(reads).toHaveLength(1157);
    // Plus GET /clinic once, and one badge re-count when the shown call ended.
    expect(server.requests.filter((r) => r.url.endsWith('/clinic'))).toHaveLength(1);
    expect(server.requests.filter((r) => r.url.includes('attention=urgent%2Creview'))).toHaveLength(1);
    expect(server.requests).toHaveLength(1159);
    expect(server.requests.length).toBeLessThanOrEqual(1500);
  }, 120_000);

  it('a call scheduled beyond tomorrow is read exactly once a minute: 1,441 reads in 24 h', async () => {
    const { consultationReads } = await apiWith(() => testCall({ status: 'scheduled', scheduledFor: '2026-11-26T10:00:00.000Z' }));
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    await advanceMinutes(24 * 60);
    expect(consultationReads()).toHaveLength(1441);
  }, 120_000);

  it('reads nothing while the tab is hidden, and reads at once when it is shown again', async () => {
    const { consultationReads } = await apiWith(() => testCall({ status: 'in_progress', scheduledFor: START.toISOString() }));
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(consultationReads()).toEqual([0, 4, 8]);
    setVisibility('hidden');
    await advanceMinutes(60);
    expect(consultationReads()).toEqual([0, 4, 8]);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(consultationReads()).toEqual([0, 4, 8, 3608, 3612]);
  });

  it('backs off after failed reads (5, 10, 20, 40 s) and resumes by itself', async () => {
    let failuresLeft = 4;
    const times: number[] = [];
    await withBackground(
      (r) => (r.url.endsWith('/clinic') ? { status: 200, body: TEST_CLINIC } : undefined),
      (r) => {
        if (!r.url.includes('consultationId=')) return undefined;
        times.push((Date.now() - START.getTime()) / 1000);
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          return { status: 503, body: { message: 'Service Unavailable' } };
        }
        return { status: 200, body: { items: [testCall({ status: 'dialing', scheduledFor: START.toISOString() })] } };
      },
    );
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    await vi.advanceTimersByTimeAsync(80_000);
    expect(times).toEqual([0, 5, 15, 35, 75, 79]);
  });

  it('never reads again once every call is final', async () => {
    const { consultationReads } = await apiWith(() =>
      testCall({ status: 'completed', scheduledFor: START.toISOString(), outcome: { summary: 'All good.' } }),
    );
    render(<ConsultationPanel consultationId="310382" origin="https://us.idexxneo.com" read={read} />);
    await advanceMinutes(30);
    expect(consultationReads()).toEqual([0]);
  });
});
