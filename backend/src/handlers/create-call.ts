import { CreateCallRequest, IDEMPOTENCY_KEY_HEADER, toCallView } from '@vfc/shared';
import { actorOf } from '../app/actor.js';
import { scheduleCall } from '../app/schedule-call.js';
import { invalidField } from '../app/errors.js';
import { schedulingDependencies } from '../composition/scheduling.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/** `POST /calls` (staff): 201 with the new call; 200 with the earlier call when the `Idempotency-Key` was seen before. */
export const handler = apiHandler(async (event) => {
  const grant = grantOf(event, 'staff');
  const { clinicId } = grant;
  const request = CreateCallRequest.parse(jsonBody(event));
  const idempotencyKey = event.headers[IDEMPOTENCY_KEY_HEADER];
  if (idempotencyKey !== undefined && !/^[\w.:-]{8,128}$/.test(idempotencyKey)) {
    throw invalidField('Idempotency-Key', 'must be 8–128 letters, digits, or . _ : -');
  }
  const { call, created } = await scheduleCall(schedulingDependencies(), { clinicId, request, idempotencyKey, createdBy: actorOf(grant) });
  return json(created ? 201 : 200, toCallView(call));
});
