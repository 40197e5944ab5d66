import type { Call, ListCallsResponse } from '@vfc/shared';

/** The pages of the clinic-wide list loaded so far: the calls (server order, newest first) and where to go on. */
export interface LoadedPages {
  items: Call[];
  /** The cursor of the next page, when there is one. */
  nextCursor?: string;
  /** How many pages were read (1 after the first read; "Load more" adds one). */
  pages: number;
}

/** The first page, as loaded pages. */
export function firstPages(page: ListCallsResponse): LoadedPages {
  return { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), pages: 1 };
}

/** Adds the page that `nextCursor` led to (calls already shown are replaced, never listed twice). */
export function appendPage(loaded: LoadedPages, page: ListCallsResponse): LoadedPages {
  const ids = new Set(page.items.map((call) => call.callId));
  return {
    items: [...loaded.items.filter((call) => !ids.has(call.callId)), ...page.items],
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    pages: loaded.pages + 1,
  };
}

/**
 * A fresh read of the first page merged into what was loaded: the first page's calls are the truth for their
 * span; when more pages had been loaded (and the first page is not the whole list), the older calls loaded beyond it
 * are kept with the cursor to go on from, so a periodic refresh never throws away what "Load more" brought.
 */
export function refreshFirstPage(loaded: LoadedPages | undefined, page: ListCallsResponse): LoadedPages {
  if (!loaded || loaded.pages === 1 || !page.nextCursor || page.items.length === 0) return firstPages(page);
  const ids = new Set(page.items.map((call) => call.callId));
  const oldest = Math.min(...page.items.map((call) => Date.parse(call.scheduledFor)));
  const beyond = loaded.items.filter((call) => !ids.has(call.callId) && Date.parse(call.scheduledFor) < oldest);
  return { items: [...page.items, ...beyond], ...(loaded.nextCursor ? { nextCursor: loaded.nextCursor } : {}), pages: loaded.pages };
}

/**
 * Replaces one call with the API's answer after a resolution or a reopening. It stays shown even when the filter no
 * longer matches it (so "Reopen" is at hand); the next read of the list drops it.
 */
export function replaceCall(loaded: LoadedPages, call: Call): LoadedPages {
  return { ...loaded, items: loaded.items.map((item) => (item.callId === call.callId ? call : item)) };
}
