/**
 * Reading IDEXX Neo consultation URLs.
 * Source: docs/idexx-neo.md (observed in public code that automates Neo) — consultation pages are
 * `/consultations/view/<id>` and `/consultations/edit/<id>`; a bare `/consultations/<id>` is accepted too.
 */

/**
 * Chrome match patterns of the real IDEXX Neo hosts. The production content script runs on these and nothing else.
 * Chrome match patterns ignore the port and `*.` also matches the bare domain.
 */
export const NEO_MATCH_PATTERNS = [
  'https://*.idexxneo.com/*',
  'https://*.idexxneocloud.com/*',
  'https://neo.vet/*',
  'https://*.neosuite.com/*',
] as const;

const CONSULTATION_PATH = /^\/consultations\/(?:view\/|edit\/)?(\d{1,20})\/?$/;

/**
 * The consultation id of a Neo consultation page URL, on any host (the content script's `matches` restrict the
 * hosts). Query strings and fragments are ignored; sub-resources such as `/consultations/<id>/page-data` are not
 * pages and give `undefined`.
 * @param url - an absolute URL (e.g. `location.href`).
 * @returns the id as a digit string (e.g. `"310382"`), or `undefined` when `url` is not a consultation page.
 */
export function consultationIdFromUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return CONSULTATION_PATH.exec(pathname)?.[1];
}

/** Same-origin path of a consultation's page-data JSON (`GET`, session cookie). */
export function pageDataPath(consultationId: string): string {
  return `/consultations/${encodeURIComponent(consultationId)}/page-data`;
}

/** Same-origin path of a client's (owner's) page, the fallback source of phone numbers. */
export function clientPagePath(clientId: string | number): string {
  return `/clients/view/${encodeURIComponent(String(clientId))}`;
}

/**
 * Path of a consultation's page on the clinic's Neo (the `view` form of the page the content script runs on),
 * e.g. `/consultations/view/310382`.
 */
export function consultationPagePath(consultationId: string): string {
  return `/consultations/view/${encodeURIComponent(consultationId)}`;
}

/** Path of Neo's schedule configuration, fetched from the Neo origin with the staff's session cookie. */
export const NEO_SCHEDULE_CONFIGS_PATH = '/schedule/getScheduleConfigs';
