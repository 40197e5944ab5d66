import { CALLS_EXPORT_COLUMNS, ExportCallsQuery, callsExportRow, toCallView } from '@vfc/shared';
import { exportCalls } from '../app/export-calls.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { csv } from './http/csv-response.js';

/**
 * `GET /calls/export.csv?from=&to=` (staff): the clinic's calls scheduled in [from, to) as `text/csv`, one row per
 * call in {@link CALLS_EXPORT_COLUMNS} order, times in the clinic's zone. A range over 92 days (or `to` not after
 * `from`) → 400 naming `to`.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'staff');
  const query = ExportCallsQuery.parse(event.queryStringParameters ?? {});
  const { timezone, calls } = await exportCalls(storageDependencies(), clinicId, { from: new Date(query.from), to: new Date(query.to) });
  const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);
  return csv(
    `calls-${day(query.from)}-to-${day(query.to)}.csv`,
    CALLS_EXPORT_COLUMNS,
    calls.map((call) => callsExportRow(toCallView(call), timezone)),
  );
});
