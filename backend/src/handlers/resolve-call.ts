import { ResolveCallRequest, toCallView } from '@vfc/shared';
import { actorOf } from '../app/actor.js';
import { resolveCall } from '../app/resolve-call.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody, pathParam } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /calls/{callId}/resolve` `{note?}` (staff): marks an ended call as dealt with by the caller (a person's name, or an API key's label) → 200 with
 * the call. 409 when the call has not ended; idempotent.
 */
export const handler = apiHandler(async (event) => {
  const grant = grantOf(event, 'staff');
  const { note } = ResolveCallRequest.parse(jsonBody(event));
  const call = await resolveCall(storageDependencies(), grant.clinicId, pathParam(event, 'callId'), {
    by: actorOf(grant),
    ...(note ? { note } : {}),
  });
  return json(200, toCallView(call));
});
