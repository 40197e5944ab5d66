import { CreateCallRequest, toValidationIssues, type ValidationIssue } from '@vfc/shared';
import { clinicLocalToUtcIso } from './clinic-time';

/** Messages per form field (`phoneNumber`, `scheduledFor`, …); `(root)` for errors of no field. */
export type FieldErrors = Partial<Record<string, string>>;

/** First message per top-level field from `{path, message}` issues (as the API's 400 `issues` carries them). */
export function fieldErrorsFromIssues(issues: readonly ValidationIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '(root)';
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The dialog's fields as typed. `scheduledForLocal` is clinic-local (`datetime-local` value). */
export interface DialogValues {
  consultationId: string;
  ownerName: string;
  phoneNumber: string;
  petName: string;
  vetName: string;
  dischargeSummary: string;
  notes: string;
  scheduledForLocal: string;
}

/**
 * Validates the dialog with the SAME schema the API uses (`CreateCallRequest`), after converting the clinic-local
 * time to UTC. Empty optional fields are left out.
 * @returns the request body, or the errors per field (`scheduledFor` for the time).
 */
export function buildCreateCallRequest(
  values: DialogValues,
  timeZone: string,
): { ok: true; body: CreateCallRequest } | { ok: false; errors: FieldErrors } {
  const scheduledFor = clinicLocalToUtcIso(values.scheduledForLocal, timeZone);
  const optional = (v: string) => (v.trim() ? v : undefined);
  const parsed = CreateCallRequest.safeParse({
    consultationId: values.consultationId,
    ownerName: values.ownerName,
    phoneNumber: values.phoneNumber,
    petName: values.petName,
    vetName: optional(values.vetName),
    dischargeSummary: optional(values.dischargeSummary),
    notes: optional(values.notes),
    scheduledFor: scheduledFor ?? '',
  });
  const errors = parsed.success ? {} : fieldErrorsFromIssues(toValidationIssues(parsed.error));
  if (!scheduledFor) errors['scheduledFor'] = values.scheduledForLocal.trim() ? 'is not a valid date and time' : 'is required';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
