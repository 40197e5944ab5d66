import type { ApiResult } from './api-client';

/**
 * Reading Neo data that only a Neo page can read: the request must go from the Neo origin with the staff's session
 * cookie, so the options page asks the background worker, which asks the content script of an open Neo tab
 * (`tabs.sendMessage`), which fetches same-origin (lib/neo-schedule.ts). No host permissions are needed.
 */

/** Message the background sends to a Neo tab's content script (not a `vfc:` API message: only tabs receive it). */
export const NEO_SCHEDULE_CONFIGS_TAB_MESSAGE = 'vfc-tab:neoScheduleConfigs';

/** The slice of a `tabs.Tab` this module reads. */
export interface TabLike {
  id?: number;
  active?: boolean;
  lastAccessed?: number;
}

export interface NeoTabDeps {
  /**
   * `browser.tabs.query({ url: patterns })`, or every tab (`tabs.query({})`) when `patterns` is undefined.
   * Without the `tabs` permission or host permissions Chrome matches no tab against a `url` filter (seen on
   * Chromium 156: content-script matches do not count), so the caller falls back to every tab.
   */
  queryTabs: (patterns?: string[]) => Promise<TabLike[]>;
  /** `browser.tabs.sendMessage(tabId, message)`; rejects when no content script of ours listens in that tab. */
  sendToTab: (tabId: number, message: { type: string }) => Promise<unknown>;
  /** The content script's match patterns for this build (lib/matches.ts). */
  patterns: string[];
}

/** The answer when no open tab could ask Neo. */
export const NO_NEO_TAB = {
  ok: false,
  status: 0,
  error: {
    error: 'no_neo_tab',
    message: 'No IDEXX Neo tab is open. Open Neo in a tab of this browser (logged in), then try again.',
  },
} as const satisfies ApiResult<unknown>;

function isResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Asks open Neo tabs (by our match patterns; when the browser matches none — see {@link NeoTabDeps.queryTabs} — every
 * tab, of which only those running our content script, i.e. Neo tabs, can answer), the active one first and then the most recently used, for Neo's schedule configuration; the
 * first tab that answers `ok` wins. A tab without our content script (still loading, or opened before the extension
 * was installed) is skipped. When tabs answered but all failed, the last failure is returned (e.g. Neo's 401 when the
 * session expired); when no tab answered, {@link NO_NEO_TAB}.
 */
export async function askNeoTabForScheduleConfigs(deps: NeoTabDeps): Promise<ApiResult<unknown>> {
  let tabs: TabLike[];
  try {
    tabs = await deps.queryTabs(deps.patterns);
    if (tabs.length === 0) tabs = await deps.queryTabs(undefined);
  } catch {
    return NO_NEO_TAB;
  }
  const ordered = tabs
    .filter((tab): tab is TabLike & { id: number } => typeof tab.id === 'number')
    .sort((a, b) => Number(Boolean(b.active)) - Number(Boolean(a.active)) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  let lastFailure: ApiResult<unknown> | undefined;
  for (const tab of ordered) {
    let answer: unknown;
    try {
      answer = await deps.sendToTab(tab.id, { type: NEO_SCHEDULE_CONFIGS_TAB_MESSAGE });
    } catch {
      continue;
    }
    if (!isResult(answer)) continue;
    if (answer.ok) return answer;
    lastFailure = answer;
  }
  return lastFailure ?? NO_NEO_TAB;
}
