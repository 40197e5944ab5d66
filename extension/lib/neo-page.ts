import { clientPagePath, pageDataPath } from '@vfc/shared/neo/consultation-url';
import type { CallDraft } from '@vfc/shared/neo/to-call-draft';
import type { FetchLike } from './api-client';
import type { NeoDraftAnswer, NeoDraftRequest } from './neo-draft';

/** What the content script read from Neo for a consultation. */
export interface ConsultationRead {
  draft: CallDraft;
  /** Neo's consultation status (e.g. `Draft`, `Completed`), when known. */
  consultationStatus?: string;
  /** Where the phone came from: page-data, the client page, or nowhere. */
  phoneSource: 'page-data' | 'client-page' | 'none';
  /** A problem to show staff (the fields can still be filled by hand). */
  warning?: string;
}

/** Turns what Neo answered into a draft (the background worker's `neoDraft`, or `neoDraft` itself in tests). */
export type NeoDrafter = (request: NeoDraftRequest) => Promise<NeoDraftAnswer>;

/** The headers Neo's own page sends for its data calls (observed). */
const NEO_DATA_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

const emptyDraft = (consultationId: string): CallDraft => ({ consultationId, ownerName: '', petName: '', phoneNumber: '', vetName: '', dischargeSummary: '', notes: '' });

const NO_PHONE = 'No phone number found for this client. Enter the owner phone by hand.';

/**
 * Reads a consultation from the Neo page's own origin with the staff's session cookie:
 * `GET /consultations/<id>/page-data`, and when it has no phone, `GET /clients/view/<clientId>` for "Mobile No:" etc.
 * The fetches run here (they need the page's session); parsing runs in `toDraft` (the background worker).
 * @param origin - the page's origin, e.g. `https://us.idexxneo.com` (`location.origin`).
 */
export async function readConsultation(origin: string, consultationId: string, toDraft: NeoDrafter, fetchFn: FetchLike = (i, o) => fetch(i, o)): Promise<ConsultationRead> {
  const empty = emptyDraft(consultationId);
  let pageData: unknown;
  try {
    const res = await fetchFn(`${origin}${pageDataPath(consultationId)}`, { credentials: 'include', headers: NEO_DATA_HEADERS });
    if (!res.ok) return { draft: empty, phoneSource: 'none', warning: `Could not read this consultation from Neo (HTTP ${res.status}). Fill in the fields by hand.` };
    pageData = await res.json();
  } catch {
    return { draft: empty, phoneSource: 'none', warning: 'Could not read this consultation from Neo. Fill in the fields by hand.' };
  }
  const first = await toDraft({ consultationId, pageData });
  if (!first.understood) return { draft: empty, phoneSource: 'none', warning: 'Neo answered with data we do not understand. Fill in the fields by hand.' };
  const status = first.consultationStatus !== undefined ? { consultationStatus: first.consultationStatus } : {};
  if (first.phoneSource !== 'none') return { draft: first.draft, ...status, phoneSource: first.phoneSource };
  if (first.clientId === undefined) return { draft: first.draft, ...status, phoneSource: 'none', warning: NO_PHONE };
  try {
    const res = await fetchFn(`${origin}${clientPagePath(first.clientId)}`, { credentials: 'include', headers: { Accept: 'text/html' } });
    if (res.ok) {
      const second = await toDraft({ consultationId, pageData, clientPageText: await res.text() });
      if (second.phoneSource === 'client-page') return { draft: second.draft, ...status, phoneSource: 'client-page' };
    }
  } catch {
    // fall through
  }
  return { draft: first.draft, ...status, phoneSource: 'none', warning: NO_PHONE };
}
