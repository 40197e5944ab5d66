import type { ApiFailure } from './api-client';

/**
 * One sentence for staff about a failed API call. 401 and 403 point to the options page; network errors name the
 * URL; otherwise the API's own `message`.
 */
export function describeApiFailure(failure: ApiFailure): string {
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
