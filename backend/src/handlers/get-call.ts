import { toCallView } from '@vfc/shared';
import { getCall } from '../app/read-calls.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, pathParam } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /calls/{callId}` (staff, own clinic only). */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'staff');
  return json(200, toCallView(await getCall(storageDependencies(), clinicId, pathParam(event, 'callId'))));
});
