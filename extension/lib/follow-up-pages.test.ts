import { describe, expect, it } from 'vitest';
import { testCall } from '../test-support/test-server';
import { appendPage, firstPages, refreshFirstPage, replaceCall } from './follow-up-pages';

const call = (callId: string, day: number, overrides = {}) =>
  testCall({ callId, scheduledFor: `2026-11-${String(day).padStart(2, '0')}T15:00:00.000Z`, ...overrides });

describe('loaded pages', () => {
  it('appends the next page without listing a call twice', () => {
    const loaded = appendPage(firstPages({ items: [call('a', 24), call('b', 23)], nextCursor: 'c1' }), { items: [call('b', 23), call('c', 22)] });
    expect(loaded.items.map((c) => c.callId)).toEqual(['a', 'b', 'c']);
    expect(loaded).toMatchObject({ pages: 2 });
    expect(loaded.nextCursor).toBeUndefined();
  });

  it('a refresh of one loaded page is the new first page', () => {
    const loaded = firstPages({ items: [call('a', 24)], nextCursor: 'c1' });
    expect(refreshFirstPage(loaded, { items: [call('n', 25), call('a', 24)] })).toEqual({ items: [call('n', 25), call('a', 24)], pages: 1 });
  });

  it('a refresh keeps the older calls "Load more" brought, and where to go on', () => {
    const loaded = appendPage(firstPages({ items: [call('a', 24), call('b', 23)], nextCursor: 'c1' }), { items: [call('c', 22)], nextCursor: 'c2' });
    const refreshed = refreshFirstPage(loaded, { items: [call('n', 25), call('a', 24, { status: 'completed' })], nextCursor: 'x' });
    expect(refreshed.items.map((c) => [c.callId, c.status])).toEqual([
      ['n', 'scheduled'],
      ['a', 'completed'],
      ['b', 'scheduled'],
      ['c', 'scheduled'],
    ]);
    expect(refreshed).toMatchObject({ nextCursor: 'c2', pages: 2 });
  });

  it('a refresh whose first page is the whole list drops calls that left it', () => {
    const loaded = appendPage(firstPages({ items: [call('a', 24)], nextCursor: 'c1' }), { items: [call('b', 23)] });
    expect(refreshFirstPage(loaded, { items: [call('a', 24)] }).items.map((c) => c.callId)).toEqual(['a']);
  });

  it('replaces a resolved call in place', () => {
    const loaded = firstPages({ items: [call('a', 24), call('b', 23)] });
    const resolved = call('a', 24, { resolution: { resolvedAt: '2026-11-24T19:00:00.000Z', resolvedBy: 'Front desk' } });
    expect(replaceCall(loaded, resolved).items.map((c) => [c.callId, c.resolution?.resolvedBy])).toEqual([
      ['a', 'Front desk'],
      ['b', undefined],
    ]);
  });
});
