import { DISCHARGE_SUMMARY_MAX, NOTES_MAX } from '../api/call-request.js';
import type { NeoPageData } from './page-data.js';
import { htmlToText } from './html-text.js';

/**
 * What the Schedule-call dialog starts from: the fields of a `CreateCallRequest` (shared/src/api/call.ts) as strings,
 * any of them possibly empty, before staff edit them and pick a time. Phone is as typed in Neo (not E.164).
 */
export interface CallDraft {
  consultationId: string;
  ownerName: string;
  petName: string;
  phoneNumber: string;
  vetName: string;
  dischargeSummary: string;
  notes: string;
}

/** Max lengths of the request schema, so the draft never starts out invalid by length. */
export { DISCHARGE_SUMMARY_MAX, NOTES_MAX };

/** Cuts `text` to at most `max` characters, ending with `…` when it was cut. */
export function truncateWithEllipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

const clean = (value: string | undefined): string => (value ? htmlToText(value) : '');

/** Extra inputs to the draft that do not come from page-data. */
export interface CallDraftExtras {
  /** Consultation id from the URL, used when page-data has none. */
  consultationId?: string;
  /** The preferred phone read from the client page (fallback when page-data has no phone). */
  clientPagePhone?: string;
}

/**
 * Maps Neo page-data to a call draft.
 * - owner: "First Last"; pet: patient name; vet: first provider's name.
 * - phone: client.mobilePhone ?? phone ?? homePhone ?? workPhone, else the client-page phone.
 * - dischargeSummary: consultation.dischargeSummary, else consultation.notes; HTML stripped, whitespace collapsed,
 *   cut to the schema's max with an ellipsis.
 * - notes: the consultation's reason for visit ("Reason for visit: …"), cut to the schema's max.
 */
export function toCallDraft(data: NeoPageData | undefined, extras: CallDraftExtras = {}): CallDraft {
  const consultation = data?.consultation;
  const client = data?.client;
  const pick = (...values: (string | undefined)[]) => values.map((v) => v?.trim()).find((v) => v) ?? '';
  const summary = clean(consultation?.dischargeSummary) || clean(consultation?.notes);
  const reason = clean(consultation?.reason);
  return {
    consultationId: consultation?.id !== undefined ? String(consultation.id) : (extras.consultationId ?? ''),
    ownerName: [client?.firstName, client?.lastName]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(' '),
    petName: pick(data?.patient?.name),
    phoneNumber: pick(client?.mobilePhone, client?.phone, client?.homePhone, client?.workPhone, extras.clientPagePhone),
    vetName: pick(data?.pageData?.providers?.[0]?.name),
    dischargeSummary: truncateWithEllipsis(summary, DISCHARGE_SUMMARY_MAX),
    notes: reason ? truncateWithEllipsis(`Reason for visit: ${reason}`, NOTES_MAX) : '',
  };
}

/** Does the draft already carry a phone number (so the client page need not be fetched)? */
export function draftHasPhone(data: NeoPageData | undefined): boolean {
  return toCallDraft(data).phoneNumber !== '';
}
