import { toCallView } from '@vfc/shared';
import { cancelCall } from '../app/cancel-call.js';
import { callScheduleDependencies } from '../composition/call-schedules.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, pathParam } from './http/api-request.js';
import { json } from './http/responses.js';

/** `DELETE /calls/{callId}` (staff): cancels a `scheduled` call (409 otherwise) and answers with it. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'staff');
  return json(200, toCallView(await cancelCall(callScheduleDependencies(), clinicId, pathParam(event, 'callId'))));
});
