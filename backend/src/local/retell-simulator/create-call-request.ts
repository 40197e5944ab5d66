import { E164_PATTERN } from '@vfc/shared/domain/phone';
import * as z from '@vfc/shared/zod';

/**
 * The body of `POST /v2/create-phone-call` the simulator accepts (Retell API; retell-sdk CallCreatePhoneCallParams).
 * Unknown fields (agent_override, custom_sip_headers, …) are accepted and ignored.
 */
export const createPhoneCallSchema = z.looseObject({
  from_number: z.string().check(z.regex(E164_PATTERN, 'must be an E.164 number')),
  to_number: z.string().check(z.regex(E164_PATTERN, 'must be an E.164 number')),
  override_agent_id: z.optional(z.string().check(z.minLength(1))),
  override_agent_version: z.optional(z.int().check(z.gte(0))),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  retell_llm_dynamic_variables: z.optional(z.record(z.string(), z.string({ error: 'dynamic variable values must be strings' }))),
});

export type CreatePhoneCallBody = z.infer<typeof createPhoneCallSchema>;
