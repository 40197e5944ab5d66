import { parsePageData } from '@vfc/shared/neo/page-data';
import { phonesFromClientPageText } from '@vfc/shared/neo/client-page';
import { toCallDraft, type CallDraft } from '@vfc/shared/neo/to-call-draft';

/** What the content script fetched from Neo, to be turned into a call draft (by the background worker). */
export interface NeoDraftRequest {
  consultationId: string;
  /** Neo's `GET /consultations/<id>/page-data` JSON as it came. */
  pageData: unknown;
  /** The text of Neo's client page (`GET /clients/view/<clientId>`), when it was fetched for the phone. */
  clientPageText?: string;
}

/** The call draft read from what Neo answered. */
export interface NeoDraftAnswer {
  /** `false` when the page-data has a shape we do not understand (the draft is then empty). */
  understood: boolean;
  draft: CallDraft;
  /** Neo's consultation status (e.g. `Draft`, `Completed`), when known. */
  consultationStatus?: string;
  /** The client whose page may carry the phone (set when the draft has none). */
  clientId?: string | number;
  /** Where the draft's phone came from. */
  phoneSource: 'page-data' | 'client-page' | 'none';
}

/**
 * Neo page-data (+ client page text) → call draft, with the shared zod schemas and phone parsing. Runs in the
 * background worker, so the content script that loads on every Neo page carries neither.
 */
export function neoDraft(request: NeoDraftRequest): NeoDraftAnswer {
  const data = parsePageData(request.pageData);
  if (!data) return { understood: false, draft: toCallDraft(undefined, { consultationId: request.consultationId }), phoneSource: 'none' };
  const status = data.consultation?.status;
  const base = { understood: true, ...(status !== undefined ? { consultationStatus: status } : {}) };
  const draft = toCallDraft(data, { consultationId: request.consultationId });
  if (draft.phoneNumber) return { ...base, draft, phoneSource: 'page-data' };
  const phone = request.clientPageText === undefined ? undefined : phonesFromClientPageText(request.clientPageText).preferred;
  if (phone) return { ...base, draft: toCallDraft(data, { consultationId: request.consultationId, clientPagePhone: phone }), phoneSource: 'client-page' };
  const clientId = data.client?.id;
  return { ...base, draft, phoneSource: 'none', ...(clientId !== undefined ? { clientId } : {}) };
}
