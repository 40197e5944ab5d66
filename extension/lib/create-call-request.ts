import { CreateCallRequest, toValidationIssues } from '@vfc/shared';
import { clinicTimeProblemText, readClinicTime } from './clinic-time';
import { fieldErrorsFromIssues, type DialogValues, type FieldErrors } from './form-errors';

/** The dialog checked: the request body, or the errors per field (`scheduledFor` for the time). */
export type CreateCallCheck = { ok: true; body: CreateCallRequest } | { ok: false; errors: FieldErrors };

/**
 * Validates the dialog with the SAME schema the API uses (`CreateCallRequest`), after reading the clinic-local
 * time strictly (`readClinicTime`: a time the clocks skip for DST, or one before `now`, is refused). Empty optional
 * fields are left out. Runs in the background worker (the content script does not carry the schemas).
 * @param now - the clock; times before it are refused (omit to skip that check).
 */
export function buildCreateCallRequest(values: DialogValues, timeZone: string, now?: Date): CreateCallCheck {
  const time = readClinicTime(values.scheduledForLocal, timeZone, now);
  const optional = (v: string) => (v.trim() ? v : undefined);
  const parsed = CreateCallRequest.safeParse({
    consultationId: values.consultationId,
    ownerName: values.ownerName,
    phoneNumber: values.phoneNumber,
    petName: values.petName,
    vetName: optional(values.vetName),
    dischargeSummary: optional(values.dischargeSummary),
    notes: optional(values.notes),
    scheduledFor: time.ok ? time.instant.toISOString() : '',
  });
  const errors = parsed.success ? {} : fieldErrorsFromIssues(toValidationIssues(parsed.error));
  if (!time.ok) errors['scheduledFor'] = clinicTimeProblemText(time.problem, timeZone);
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
