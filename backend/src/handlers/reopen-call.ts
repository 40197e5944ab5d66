import { toCallView } from '@vfc/shared';
import { actorOf } from '../app/actor.js';
import { reopenCall } from '../app/resolve-call.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, pathParam } from './http/api-request.js';
import { json } from './http/responses.js';

/** `DELETE /calls/{callId}/resolve` (staff): reopens a resolved call → 200 with the call; idempotent. */
export const handler = apiHandler(async (event) => {
  const grant = grantOf(event, 'staff');
  const call = await reopenCall(storageDependencies(), grant.clinicId, pathParam(event, 'callId'), actorOf(grant));
  return json(200, toCallView(call));
});
