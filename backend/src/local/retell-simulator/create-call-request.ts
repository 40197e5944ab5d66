import { E164_PATTERN } from '@vfc/shared/domain/phone';
import * as z from 'zod';

/**
 * The body of `POST /v2/create-phone-call` the simulator accepts (Retell API; retell-sdk CallCreatePhoneCallParams).
 * Unknown fields (agent_override, custom_sip_headers, …) are accepted and ignored.
 */
export const createPhoneCallSchema = z
  .object({
    from_number: z.string().regex(E164_PATTERN, 'must be an E.164 number'),
    to_number: z.string().regex(E164_PATTERN, 'must be an E.164 number'),
    override_agent_id: z.string().min(1).optional(),
    override_agent_version: z.number().int().min(0).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    retell_llm_dynamic_variables: z.record(z.string(), z.string({ error: 'dynamic variable values must be strings' })).optional(),
  })
  .loose();

export type CreatePhoneCallBody = z.infer<typeof createPhoneCallSchema>;
