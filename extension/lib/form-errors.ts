import type { ValidationIssue } from '@vfc/shared';

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
