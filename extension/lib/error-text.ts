import type { ApiFailure } from './api-client';
import { formatClinicTime, localizeInstants } from './clinic-time';

/**
 * One sentence for staff about a failed API call. 401 and 403 point to the options page; network errors name the
 * URL; otherwise the API's own `message`. With the clinic's `timeZone`, instants in the message are shown as clinic
 * time, and the per-number cap (`number_cap_reached`) says when the number frees up (`freesAt`) in that zone.
 */
export function describeApiFailure(failure: ApiFailure, timeZone?: string): string {
  if (timeZone && failure.status !== 401 && failure.status !== 403 && failure.status !== 404) {
    const message = localizeInstants(failure.error.message, timeZone);
    const freesAt = failure.error.error === 'number_cap_reached' ? failure.error.freesAt : undefined;
    if (freesAt && !Number.isNaN(Date.parse(freesAt)) && message === failure.error.message) {
      return `${message} The next call to this number is possible from ${formatClinicTime(freesAt, timeZone)}.`;
    }
    return message;
  }
  switch (failure.status) {
    case 401:
      return 'The API token was refused — check it in the extension options.';
    case 403:
      // Our handlers say `forbidden` when the token's role is too low; API Gateway's authorizer refusing an unknown
      // token also answers 403 (`{"message":"Forbidden"}`, no `error`).
      return failure.error.error === 'forbidden'
        ? 'This API token is not allowed to do that — check it in the extension options.'
        : 'The API token was refused — check it in the extension options.';
    case 404:
      return failure.error.error === 'not_found' ? failure.error.message : 'The API URL looks wrong (HTTP 404) — check it in the extension options.';
    default:
      return failure.error.message;
  }
}
