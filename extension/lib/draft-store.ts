import { storage } from 'wxt/utils/storage';
import { sendToBackground } from './messages';

/** An unsent Schedule-call dialog: the field values as typed (clinic-local time string included). */
export type DialogDraft = Record<string, string>;

const keyOf = (consultationId: string) => `session:vfc-draft:${consultationId}` as const;

/**
 * The worker's side: unsent dialog drafts, one per consultation, in `browser.storage.session`. They survive a page
 * refresh and Neo's in-page navigation, and are gone when the browser closes (no personal data left on disk). The
 * session area stays closed to content scripts (Chrome's default, trusted contexts only), so only the worker
 * reads it; the dialog asks the worker through {@link draftStore}.
 */
export const sessionDrafts = {
  load: (consultationId: string) => storage.getItem<DialogDraft>(keyOf(consultationId)),
  save: (consultationId: string, draft: DialogDraft) => storage.setItem(keyOf(consultationId), draft),
  clear: (consultationId: string) => storage.removeItem(keyOf(consultationId)),
};

/**
 * The dialog's side (content script): drafts kept by the background worker (`vfc:loadDraft`, `vfc:saveDraft`,
 * `vfc:clearDraft`). A worker that cannot be reached loses the draft (`load` answers `null`); nothing throws.
 */
export const draftStore = {
  load: async (consultationId: string): Promise<DialogDraft | null> => {
    const answer = await sendToBackground({ type: 'vfc:loadDraft', consultationId });
    return answer.ok ? answer.data : null;
  },
  save: async (consultationId: string, draft: DialogDraft): Promise<void> => {
    await sendToBackground({ type: 'vfc:saveDraft', consultationId, draft });
  },
  clear: async (consultationId: string): Promise<void> => {
    await sendToBackground({ type: 'vfc:clearDraft', consultationId });
  },
};
