import * as z from '../zod.js';

/** Machine-readable error codes of the HTTP API. Every error body also has a human-readable `message`. */
export const ERROR_CODES = [
  'validation_error',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'no_slot',
  /** The clinic's Retell agent is orphaned or not voice-enabled (agent registry): scheduling is refused. */
  'agent_unavailable',
  /** Retell could not be reached for a change that needs it (try again later). */
  'provider_unavailable',
  'internal_error',
  /** The number is on the clinic's do-not-call list (`/clinic/opt-outs`). */
  'opted_out',
  /** The per-number cap (FCC 20-186, `maxCallsPer30Days`) is reached; the body's `freesAt` says when it frees up. */
  'number_cap_reached',
  /** The `Idempotency-Key` was already used with a different request body (422); nothing was changed. */
  'idempotency_key_reused',
  /** `PUT /clinic/voice`: the provider refused the API key (400); nothing was stored. */
  'invalid_credentials',
  /** `PUT /clinic/voice`: the calling number is not one of that provider account's numbers (400); nothing was stored. */
  'unknown_number',
  /** `PUT /clinic/voice`: another admin's save of the voice settings is in progress (409); nothing was stored. */
  'save_in_progress',
  /** `POST /clinic/knowledge/uploads`: the document is larger than 5 MB (413); nothing was stored. */
  'payload_too_large',
  /** `POST /clinic/knowledge`: the clinic already has the most sources allowed (409); nothing was stored. */
  'too_many_sources',
] as const;

/** One invalid field: `path` is the dotted path of the field in the request (e.g. `phoneNumber`). */
export const ValidationIssue = z.object({ path: z.string(), message: z.string() });
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** Body of every non-2xx answer: `{error, message, issues?}`; `issues` only on `400 validation_error`. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.optional(z.array(ValidationIssue)),
  /** Only with `number_cap_reached`: the first instant (UTC ISO) a call to the number is allowed again. */
  freesAt: z.optional(z.string()),
});
export type ApiError = z.infer<typeof ApiError>;

/** Turns zod issues into `{path, message}` pairs with dotted paths (`[]` → `(root)`). */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
