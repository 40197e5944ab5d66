import { AddOptOutRequest } from '@vfc/shared';
import { addOptOut } from '../app/calling-rules/opt-outs.js';
import { callScheduleDependencies } from '../composition/call-schedules.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf, jsonBody } from './http/api-request.js';
import { json } from './http/responses.js';

/**
 * `POST /clinic/opt-outs` (admin) `{phoneNumber, reason?}`: puts the number (normalised to E.164) on the do-not-call
 * list and cancels the clinic's scheduled calls to it. 201 when added, 200 when it was already listed.
 */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  const { phoneNumber, reason } = AddOptOutRequest.parse(jsonBody(event));
  const result = await addOptOut(callScheduleDependencies(), clinicId, { phoneNumber, reason, source: 'staff' });
  return json(result.added ? 201 : 200, { ...result.entry, cancelledCallIds: result.cancelledCallIds });
});
