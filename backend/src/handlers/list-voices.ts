import { listVoices } from '../app/agents/list-voices.js';
import { agentDependencies } from '../composition/agents.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /agents/voices` (admin): Retell's voices for the agent editor (`ListVoicesResponse`). */
export const handler = apiHandler(async (event) => {
  grantOf(event, 'admin');
  return json(200, { items: await listVoices(agentDependencies()) });
});
