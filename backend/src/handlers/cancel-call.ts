import { toCallView } from '@vfc/shared';
import { actorOf } from '../app/actor.js';
import { cancelCall } from '../app/cancel-call.js';
import { callScheduleDependencies } from '../composition/call-schedules.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, pathParam } from './http/api-request.js';
import { json } from './http/responses.js';

/** `DELETE /calls/{callId}` (staff): cancels a `scheduled` call (409 otherwise) and answers with it. */
export const handler = apiHandler(async (event) => {
  const grant = grantOf(event, 'staff');
  const call = await cancelCall(callScheduleDependencies(), grant.clinicId, pathParam(event, 'callId'), undefined, undefined, actorOf(grant));
  return json(200, toCallView(call));
});
