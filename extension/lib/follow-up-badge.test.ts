import type { Call } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import { testCall } from '../test-support/test-server';
import type { ClinicCallsQuery } from './api-client';
import { badgeText, refreshFollowUps, serialized, urgentNotice, type FollowUpsDeps, type UrgentNotice } from './follow-up-badge';

function harness(pages: Call[][], options: { notified?: string[] | null; enabled?: boolean } = {}) {
  const queries: ClinicCallsQuery[] = [];
  const badges: string[] = [];
  const notices: UrgentNotice[] = [];
  let notified = options.notified === undefined ? [] : options.notified;
  const deps: FollowUpsDeps = {
    listClinicCalls: async (query) => {
      queries.push(query);
      const index = query.cursor ? Number(query.cursor) : 0;
      const next = index + 1 < pages.length ? { nextCursor: String(index + 1) } : {};
      return { ok: true, status: 200, data: { items: pages[index] ?? [], ...next } };
    },
    setBadge: async (text) => void badges.push(text),
    notify: async (notice) => void notices.push(notice),
    notifyEnabled: async () => options.enabled ?? true,
    loadNotified: async () => notified,
    saveNotified: async (ids) => void (notified = ids),
  };
  return { deps, queries, badges, notices, notified: () => notified };
}

const urgent = (callId: string) =>
  testCall({ callId, status: 'completed', attention: 'urgent', attentionReasons: ['concern_urgent', 'callback_requested'], petName: `Pet ${callId}` });
const review = (callId: string) => testCall({ callId, status: 'failed', attention: 'review', attentionReasons: ['unreachable'] });

describe('refreshFollowUps', () => {
  it('pages through every unresolved urgent/review call and puts the count on the badge', async () => {
    const h = harness([[urgent('u1'), review('r1')], [review('r2')]]);
    const result = await refreshFollowUps(h.deps);
    expect(result).toEqual({ ok: true, status: 200, data: { count: 3, complete: true, notifiedCallIds: ['u1'] } });
    expect(h.queries).toEqual([
      { attention: ['urgent', 'review'], resolved: false, limit: 100 },
      { attention: ['urgent', 'review'], resolved: false, limit: 100, cursor: '1' },
    ]);
    expect(h.badges).toEqual(['3']);
  });

  it('announces each new urgent call once, never twice, and remembers it', async () => {
    const h = harness([[urgent('u1'), review('r1')]]);
    await refreshFollowUps(h.deps);
    await refreshFollowUps(h.deps);
    expect(h.notices).toEqual([
      { id: 'vfc-urgent-u1', title: 'Urgent follow-up: Pet u1 (Jane Doe)', message: 'Urgent concern · Wants a call back' },
    ]);
    expect(h.notified()).toEqual(['u1']);
  });

  it('on the very first refresh records the urgent calls already there without announcing them', async () => {
    const h = harness([[urgent('u1')]], { notified: null });
    expect(await refreshFollowUps(h.deps)).toMatchObject({ ok: true, data: { notifiedCallIds: [] } });
    expect(h.notices).toEqual([]);
    expect(h.notified()).toEqual(['u1']);
  });

  it('shows no notification when the setting is off, and does not announce those calls later either', async () => {
    const h = harness([[urgent('u1')]], { enabled: false });
    await refreshFollowUps(h.deps);
    expect(h.notices).toEqual([]);
    expect(h.notified()).toEqual(['u1']);
  });

  it('clears the badge at zero and leaves it as it was when the read fails', async () => {
    const h = harness([[]]);
    await refreshFollowUps(h.deps);
    expect(h.badges).toEqual(['']);
    const failing: FollowUpsDeps = {
      ...h.deps,
      listClinicCalls: async () => ({ ok: false, status: 0, error: { error: 'network_error', message: 'down' } }),
    };
    expect(await refreshFollowUps(failing)).toMatchObject({ ok: false, error: { error: 'network_error' } });
    expect(h.badges).toEqual(['']);
  });

  it('stops after 10 pages and says 999+', async () => {
    const pages = Array.from({ length: 12 }, (_, i) => [review(`r${i}`)]);
    const h = harness(pages);
    expect(await refreshFollowUps(h.deps)).toMatchObject({ ok: true, data: { count: 10, complete: false } });
    expect(h.queries).toHaveLength(10);
    expect(h.badges).toEqual(['999+']);
  });
});

describe('badgeText and urgentNotice', () => {
  it('writes counts as Chrome can show them', () => {
    expect([0, 1, 42, 999, 1000].map((n) => badgeText(n))).toEqual(['', '1', '42', '999', '999+']);
  });

  it('prefers the summary over the reasons', () => {
    const call = { ...urgent('u9'), outcome: { summary: 'Bella has been vomiting since yesterday.' } };
    expect(urgentNotice(call).message).toBe('Bella has been vomiting since yesterday.');
  });
});

describe('serialized', () => {
  it('never runs two at once', async () => {
    let running = 0;
    let most = 0;
    const run = serialized(async () => {
      running += 1;
      most = Math.max(most, running);
      await Promise.resolve();
      await Promise.resolve();
      running -= 1;
      return running;
    });
    await Promise.all([run(), run(), run()]);
    expect(most).toBe(1);
  });
});
