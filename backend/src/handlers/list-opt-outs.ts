import { listOptOuts } from '../app/calling-rules/opt-outs.js';
import { storageDependencies } from '../composition/storage.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/opt-outs` (admin): `{items: [{phoneNumber, reason, createdAt, source?, callId?}]}`. */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, { items: await listOptOuts(storageDependencies(), clinicId) });
});
