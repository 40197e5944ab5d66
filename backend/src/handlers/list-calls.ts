import { ListCallsQuery, toCallView } from '@vfc/shared';
import { listConsultationCalls } from '../app/read-calls.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /calls?consultationId=<id>` (staff): this clinic's calls of the consultation, newest first. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'staff');
  const { consultationId } = ListCallsQuery.parse(event.queryStringParameters ?? {});
  const calls = await listConsultationCalls(storageDependencies(), clinicId, consultationId);
  return json(200, { items: calls.map(toCallView) });
});
