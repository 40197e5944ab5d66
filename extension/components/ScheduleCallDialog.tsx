import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Call, ClinicSummary } from '@vfc/shared';
import type { CallDraft } from '@vfc/shared/neo/to-call-draft';
import { draftStore } from '../lib/draft-store';
import { describeApiFailure } from '../lib/error-text';
import { buildCreateCallRequest, fieldErrorsFromIssues, type DialogValues, type FieldErrors } from '../lib/form-errors';
import type { ExtensionApi } from '../lib/messages';
import { keyForSubmission, type SubmissionKey } from '../lib/submission-key';
import { ClinicTimeField } from './ClinicTimeField';
import { trapTab } from './focus-trap';

export interface ScheduleCallDialogProps {
  clinic: ClinicSummary;
  /** What was read from Neo, or the staff's unsent draft from this session. */
  initial: DialogValues;
  api: Pick<ExtensionApi, 'createCall'>;
  /** A note about what could not be read from Neo. */
  warning?: string;
  onClose: () => void;
  onScheduled: (call: Call) => void;
  /** The clock, for the quick choices (tests pin it). */
  now?: () => Date;
}

/** Dialog values from a Neo draft, with an empty time. */
export function dialogValuesFromDraft(draft: CallDraft): DialogValues {
  return { ...draft, scheduledForLocal: '' };
}

type TextField = Exclude<keyof DialogValues, 'consultationId' | 'scheduledForLocal'>;

/**
 * The Schedule-call form: every field editable and labelled, the time in the CLINIC's zone, validated with the
 * same zod schema as the API before submit, and with the API's 400 issues after. A modal dialog: focus stays
 * inside, Esc closes (the unsent draft is kept in session storage).
 */
export function ScheduleCallDialog(props: ScheduleCallDialogProps) {
  const { clinic } = props;
  const [values, setValues] = useState<DialogValues>(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef<SubmissionKey | undefined>(undefined);
  const dialogRef = useRef<HTMLDivElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const now = props.now ?? (() => new Date());

  useEffect(() => {
    firstFieldRef.current?.focus();
  }, []);

  const update = (field: keyof DialogValues, value: string) => {
    setValues((previous) => {
      const next = { ...previous, [field]: value };
      void draftStore.save(next.consultationId, { ...next });
      return next;
    });
    setErrors((previous) => ({ ...previous, [field === 'scheduledForLocal' ? 'scheduledFor' : field]: undefined }));
  };

  async function submit() {
    setFormError(undefined);
    const built = buildCreateCallRequest(values, clinic.timezone);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    submission.current = keyForSubmission(submission.current, JSON.stringify(built.body));
    setSubmitting(true);
    const result = await props.api.createCall(built.body, submission.current.key);
    setSubmitting(false);
    if (result.ok) {
      await draftStore.clear(values.consultationId);
      props.onScheduled(result.data);
      return;
    }
    if (result.status === 400 && result.error.issues?.length) setErrors(fieldErrorsFromIssues(result.error.issues));
    setFormError(describeApiFailure(result, clinic.timezone));
  }

  const field = (name: TextField, label: string, options: { required?: boolean; multiline?: boolean; type?: string; autoComplete?: string } = {}): ReactNode => {
    const id = `vfc-${name}`;
    const error = errors[name];
    const common = {
      id,
      name,
      value: values[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      'aria-required': options.required ? true : undefined,
      disabled: submitting,
    } as const;
    return (
      <div className="vfc-field">
        <label htmlFor={id}>
          {label}
          {options.required && <span aria-hidden="true"> *</span>}
        </label>
        {options.multiline ? (
          <textarea {...common} rows={name === 'dischargeSummary' ? 5 : 2} onChange={(e) => update(name, e.target.value)} />
        ) : (
          <input
            {...common}
            ref={name === 'ownerName' ? firstFieldRef : undefined}
            type={options.type ?? 'text'}
            autoComplete={options.autoComplete ?? 'off'}
            onChange={(e) => update(name, e.target.value)}
          />
        )}
        {error && (
          <p id={`${id}-error`} className="vfc-error">
            {label}: {error}
          </p>
        )}
      </div>
    );
  };

  const timeError = errors['scheduledFor'];
  return (
    <div className="vfc-backdrop">
      <div
        ref={dialogRef}
        className="vfc-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            props.onClose();
          } else trapTab(event, dialogRef.current);
        }}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2 id={titleId}>Schedule a follow-up call</h2>
          {clinic.demoMode && (
            <p className="vfc-demo" data-testid="demo-mode">
              Demo mode: this demo clinic takes calls around the clock.
            </p>
          )}
          {props.warning && <p className="vfc-warning">{props.warning}</p>}
          {field('ownerName', 'Owner name', { required: true })}
          {field('phoneNumber', 'Owner phone', { required: true, type: 'tel' })}
          {field('petName', 'Pet name', { required: true })}
          {field('vetName', 'Vet')}
          {field('dischargeSummary', 'Discharge summary', { multiline: true })}
          {field('notes', 'Notes for the call', { multiline: true })}
          <ClinicTimeField
            id="vfc-scheduledFor"
            name="scheduledFor"
            label="Call at"
            value={values.scheduledForLocal}
            timeZone={clinic.timezone}
            now={now()}
            error={timeError}
            disabled={submitting}
            onChange={(value) => update('scheduledForLocal', value)}
          />
          {formError && (
            <p role="alert" className="vfc-error vfc-form-error">
              {formError}
            </p>
          )}
          <div className="vfc-actions">
            <button type="button" className="vfc-secondary" onClick={props.onClose}>
              Close
            </button>
            <button type="submit" className="vfc-primary" disabled={submitting}>
              {submitting ? 'Scheduling…' : 'Schedule'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
