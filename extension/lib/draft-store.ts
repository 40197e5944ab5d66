import { storage } from 'wxt/utils/storage';

/** An unsent Schedule-call dialog: the field values as typed (clinic-local time string included). */
export type DialogDraft = Record<string, string>;

const keyOf = (consultationId: string) => `session:vfc-draft:${consultationId}` as const;

/**
 * Unsent dialog drafts, one per consultation, in `browser.storage.session`: they survive a page refresh and Neo's
 * in-page navigation, and are gone when the browser closes (no personal data left on disk).
 */
export const draftStore = {
  load: (consultationId: string) => storage.getItem<DialogDraft>(keyOf(consultationId)),
  save: (consultationId: string, draft: DialogDraft) => storage.setItem(keyOf(consultationId), draft),
  clear: (consultationId: string) => storage.removeItem(keyOf(consultationId)),
};
