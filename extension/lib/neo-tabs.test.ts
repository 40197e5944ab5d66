import { describe, expect, it } from 'vitest';
import { askNeoTabForScheduleConfigs, NEO_SCHEDULE_CONFIGS_TAB_MESSAGE, NO_NEO_TAB, type TabLike } from './neo-tabs';

/** Stand-ins for Chrome's `tabs.query` / `tabs.sendMessage` (browser APIs, not our code); the e2e test uses the real ones. */
function tabs(list: TabLike[], answers: Record<number, unknown | Error>, options: { urlFilterWorks?: boolean } = {}) {
  const asked: number[] = [];
  const queried: (string[] | undefined)[] = [];
  return {
    asked,
    queried,
    deps: {
      patterns: ['https://*.idexxneo.com/*'],
      queryTabs: async (patterns?: string[]) => {
        queried.push(patterns);
        return patterns && options.urlFilterWorks === false ? [] : list;
      },
      sendToTab: async (tabId: number, message: { type: string }) => {
        expect(message.type).toBe(NEO_SCHEDULE_CONFIGS_TAB_MESSAGE);
        asked.push(tabId);
        const answer = answers[tabId];
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
  };
}

const hours = { ok: true, status: 200, data: { businessHours: { start: '08:00', end: '18:00', daysOfWeek: [1] } } };
const expired = { ok: false, status: 401, error: { error: 'neo_session', message: 'log in' } };

describe('askNeoTabForScheduleConfigs', () => {
  it('asks the active Neo tab first, then the most recently used, and takes the first answer', async () => {
    const t = tabs(
      [
        { id: 1, lastAccessed: 10 },
        { id: 2, lastAccessed: 30 },
        { id: 3, active: true, lastAccessed: 5 },
      ],
      { 3: new Error('Could not establish connection. Receiving end does not exist.'), 2: expired, 1: hours },
    );
    expect(await askNeoTabForScheduleConfigs(t.deps)).toEqual(hours);
    expect(t.asked).toEqual([3, 2, 1]);
    expect(t.queried).toEqual([['https://*.idexxneo.com/*']]);
  });

  it('asks every tab when the browser matches no tab against the url filter (no tabs/host permission)', async () => {
    const t = tabs([{ id: 1 }, { id: 2, active: true }], { 2: new Error('no receiver'), 1: hours }, { urlFilterWorks: false });
    expect(await askNeoTabForScheduleConfigs(t.deps)).toEqual(hours);
    expect(t.queried).toEqual([['https://*.idexxneo.com/*'], undefined]);
    expect(t.asked).toEqual([2, 1]);
  });

  it("returns Neo's refusal when every tab answered with one", async () => {
    const t = tabs([{ id: 7 }], { 7: expired });
    expect(await askNeoTabForScheduleConfigs(t.deps)).toEqual(expired);
  });

  it('says so when no Neo tab is open or none has our content script', async () => {
    expect(await askNeoTabForScheduleConfigs(tabs([], {}).deps)).toEqual(NO_NEO_TAB);
    expect(await askNeoTabForScheduleConfigs(tabs([{ id: 4 }, {}], { 4: new Error('no receiver') }).deps)).toEqual(NO_NEO_TAB);
    expect(NO_NEO_TAB.error.message).toMatch(/No IDEXX Neo tab is open/);
  });
});
