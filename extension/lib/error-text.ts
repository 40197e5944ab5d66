import { i18n } from '#i18n';
import type { ApiFailure } from './api-client';
import { formatClinicTime, localizeInstants } from './clinic-time';

/**
 * One sentence for staff about a failed API call, in the browser's language (`errors.*` messages; the API's own
 * `message` is shown as the API wrote it). 401 and 403 point to the options page; network errors name the
 * URL; otherwise the API's own `message`. With the clinic's `timeZone`, instants in the message are shown as clinic
 * time, and the per-number cap (`number_cap_reached`) says when the number frees up (`freesAt`) in that zone.
 */
export function describeApiFailure(failure: ApiFailure, timeZone?: string): string {
  if (timeZone && failure.status !== 401 && failure.status !== 403 && failure.status !== 404) {
    const message = localizeInstants(failure.error.message, timeZone);
    const freesAt = failure.error.error === 'number_cap_reached' ? failure.error.freesAt : undefined;
    if (freesAt && !Number.isNaN(Date.parse(freesAt)) && message === failure.error.message) {
      return i18n.t('errors.numberFreesAt', [message, formatClinicTime(freesAt, timeZone)]);
    }
    return message;
  }
  switch (failure.status) {
    case 401:
      return i18n.t('errors.tokenRefused');
    case 403:
      // Our handlers say `forbidden` when the token's role is too low; API Gateway's authorizer refusing an unknown
      // token also answers 403 (`{"message":"Forbidden"}`, no `error`).
      return failure.error.error === 'forbidden'
        ? i18n.t('errors.forbidden')
        : i18n.t('errors.tokenRefused');
    case 404:
      return failure.error.error === 'not_found' ? failure.error.message : i18n.t('errors.urlWrong');
    default:
      return failure.error.message;
  }
}
