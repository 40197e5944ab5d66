import { LIST_CALLS_MAX_LIMIT, type CallRecord } from '@vfc/shared';
import type { Dependencies } from './dependencies.js';
import { requireClinic } from './read-clinic.js';

/** What the CSV export holds: the clinic's zone (for its times) and its calls, oldest `scheduledFor` first. */
export interface CallsExport {
  timezone: string;
  calls: CallRecord[];
}

/**
 * Every call of the clinic whose `scheduledFor` is in [`from`, `to`) (UTC instants; the range is checked against
 * 92 days by the API schema), read page by page from the clinic's calls index, oldest first.
 * @throws AppError 404 when the clinic does not exist.
 */
export async function exportCalls(
  deps: Pick<Dependencies, 'calls' | 'clinics'>,
  clinicId: string,
  range: { from: Date; to: Date },
): Promise<CallsExport> {
  const clinic = await requireClinic(deps, clinicId);
  const calls: CallRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.calls.listClinicCalls(clinicId, range, { limit: LIST_CALLS_MAX_LIMIT, cursor });
    calls.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { timezone: clinic.timezone, calls: calls.reverse() };
}
