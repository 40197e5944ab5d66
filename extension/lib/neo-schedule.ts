import { NEO_SCHEDULE_CONFIGS_PATH } from '@vfc/shared/neo/consultation-url';
import type { ApiResult, FetchLike } from './api-client';

/** The headers Neo's own page sends for its data calls (observed; docs/idexx-neo.md). */
const NEO_DATA_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

/**
 * In a Neo tab's content script: `GET <origin>/schedule/getScheduleConfigs` with the staff's session cookie.
 * Answers Neo's JSON as it came (`data`), or a failure staff can act on (log in again, reload). Never throws.
 * @param origin - the Neo page's origin (`location.origin`), e.g. `https://us.idexxneo.com`.
 */
export async function fetchNeoScheduleConfigs(origin: string, fetchFn: FetchLike = (i, o) => fetch(i, o)): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetchFn(`${origin}${NEO_SCHEDULE_CONFIGS_PATH}`, { credentials: 'include', headers: NEO_DATA_HEADERS });
  } catch {
    return { ok: false, status: 0, error: { error: 'neo_unreachable', message: 'Could not reach IDEXX Neo from the open Neo tab.' } };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      status: response.status,
      error: { error: 'neo_session', message: 'IDEXX Neo refused the request: log in to Neo in the open tab, then try again.' },
    };
  }
  if (!response.ok) {
    return { ok: false, status: response.status, error: { error: 'neo_error', message: `IDEXX Neo answered HTTP ${response.status} for its business hours.` } };
  }
  try {
    return { ok: true, status: response.status, data: (await response.json()) as unknown };
  } catch {
    return { ok: false, status: response.status, error: { error: 'neo_error', message: 'IDEXX Neo answered with something other than JSON.' } };
  }
}
