import { clientPagePath, pageDataPath } from '@vfc/shared/neo/consultation-url';
import { parsePageData } from '@vfc/shared/neo/page-data';
import { phonesFromClientPageText } from '@vfc/shared/neo/client-page';
import { toCallDraft, type CallDraft } from '@vfc/shared/neo/to-call-draft';
import type { FetchLike } from './api-client';

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

/** The headers Neo's own page sends for its data calls (observed). */
const NEO_DATA_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

/**
 * Reads a consultation from the Neo page's own origin with the staff's session cookie:
 * `GET /consultations/<id>/page-data`, and when it has no phone, `GET /clients/view/<clientId>` for "Mobile No:" etc.
 * @param origin - the page's origin, e.g. `https://us.idexxneo.com` (`location.origin`).
 */
export async function readConsultation(origin: string, consultationId: string, fetchFn: FetchLike = (i, o) => fetch(i, o)): Promise<ConsultationRead> {
  const empty = toCallDraft(undefined, { consultationId });
  let json: unknown;
  try {
    const res = await fetchFn(`${origin}${pageDataPath(consultationId)}`, { credentials: 'include', headers: NEO_DATA_HEADERS });
    if (!res.ok) return { draft: empty, phoneSource: 'none', warning: `Could not read this consultation from Neo (HTTP ${res.status}). Fill in the fields by hand.` };
    json = await res.json();
  } catch {
    return { draft: empty, phoneSource: 'none', warning: 'Could not read this consultation from Neo. Fill in the fields by hand.' };
  }
  const data = parsePageData(json);
  if (!data) return { draft: empty, phoneSource: 'none', warning: 'Neo answered with data we do not understand. Fill in the fields by hand.' };
  const consultationStatus = data.consultation?.status;
  const draft = toCallDraft(data, { consultationId });
  if (draft.phoneNumber) return { draft, consultationStatus, phoneSource: 'page-data' };

  const clientId = data.client?.id;
  if (clientId === undefined) return { draft, consultationStatus, phoneSource: 'none', warning: 'No phone number found for this client.' };
  try {
    const res = await fetchFn(`${origin}${clientPagePath(clientId)}`, { credentials: 'include', headers: { Accept: 'text/html' } });
    const phone = res.ok ? phonesFromClientPageText(await res.text()).preferred : undefined;
    if (phone) return { draft: toCallDraft(data, { consultationId, clientPagePhone: phone }), consultationStatus, phoneSource: 'client-page' };
  } catch {
    // fall through
  }
  return { draft, consultationStatus, phoneSource: 'none', warning: 'No phone number found for this client.' };
}
