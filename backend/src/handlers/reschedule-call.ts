import { RescheduleCallRequest, toCallView } from '@vfc/shared';
import { actorOf } from '../app/actor.js';
import { rescheduleCall } from '../app/calling-rules/reschedule-call.js';
import { schedulingDependencies } from '../composition/scheduling.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody, pathParam } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `PATCH /calls/{callId}` (staff) `{scheduledFor}`: moves a `scheduled` call under the calling rules; answers the call
 * (with `requestedFor` and `statusReason` when the time was moved). 409 when it is no longer scheduled.
 */
export const handler = apiHandler(async (event) => {
  const grant = grantOf(event, 'staff');
  const callId = pathParam(event, 'callId');
  const { scheduledFor } = RescheduleCallRequest.parse(jsonBody(event));
  return json(200, toCallView(await rescheduleCall(schedulingDependencies(), grant.clinicId, callId, scheduledFor, actorOf(grant))));
});
