import { ListCallsQuery, toCallView } from '@vfc/shared';
import { listClinicCalls, listConsultationCalls } from '../app/read-calls.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `GET /calls` (staff). With `?consultationId=`: this clinic's calls of the consultation, newest first (not paged).
 * Without: a page of every call of the clinic, filtered by `from`/`to`/`status`/`attention`/`resolved`, with
 * `nextCursor` when more follow. Bad values → 400 naming the parameter.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'staff');
  const { consultationId, ...query } = ListCallsQuery.parse(event.queryStringParameters ?? {});
  if (consultationId !== undefined) {
    const calls = await listConsultationCalls(storageDependencies(), clinicId, consultationId);
    return json(200, { items: calls.map(toCallView) });
  }
  const page = await listClinicCalls(storageDependencies(), clinicId, query);
  return json(200, { items: page.items.map(toCallView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
});
