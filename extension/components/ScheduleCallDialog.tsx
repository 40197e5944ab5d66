import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { Call, ClinicSummary } from '@vfc/shared';
import type { CallDraft } from '@vfc/shared/neo/to-call-draft';
import { draftStore } from '../lib/draft-store';
import { describeApiFailure } from '../lib/error-text';
import { fieldErrorsFromIssues, type DialogValues, type FieldErrors } from '../lib/form-errors';
import type { ExtensionApi } from '../lib/messages';
import { keyForSubmission, type SubmissionKey } from '../lib/submission-key';
import { ClinicTimeField } from './ClinicTimeField';
import { Field } from './Field';

export interface ScheduleCallDialogProps {
  clinic: ClinicSummary;
  /** What was read from Neo, or the staff's unsent draft from this session. */
  initial: DialogValues;
  api: Pick<ExtensionApi, 'createCall' | 'checkCreateCall'>;
  /** A note about what could not be read from Neo. */
  warning?: string;
  onClose: () => void;
  onScheduled: (call: Call) => void;
  /** The clock, for the quick choices and the past-time check (tests pin it). */
  now?: () => Date;
}

/** Dialog values from a Neo draft, with an empty time. */
export function dialogValuesFromDraft(draft: CallDraft): DialogValues {
  return { ...draft, scheduledForLocal: '' };
}

type TextField = Exclude<keyof DialogValues, 'consultationId' | 'scheduledForLocal'>;

/** Id of the warning about what could not be read from Neo (the fields it concerns point to it). */
const WARNING_ID = 'vfc-read-warning';

/**
 * The Schedule-call form in a native modal `<dialog>` (`showModal()`: the page behind is inert, focus stays inside,
 * Esc closes; the caller returns focus to the button that opened it). Every field editable and labelled, the time
 * in the CLINIC's zone, checked with the same zod schema as the API before submit (in the background worker), and
 * with the API's 400 issues after. Esc or Close keeps the unsent draft in session storage.
 */
export function ScheduleCallDialog(props: ScheduleCallDialogProps) {
  const { clinic } = props;
  const [values, setValues] = useState<DialogValues>(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const submission = useRef<SubmissionKey | undefined>(undefined);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const now = props.now ?? (() => new Date());

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    firstFieldRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
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
    setSubmitting(true);
    const checked = await props.api.checkCreateCall(values, clinic.timezone, now());
    if (!checked.ok) {
      setSubmitting(false);
      setFormError(describeApiFailure(checked, clinic.timezone));
      return;
    }
    if (!checked.data.ok) {
      setSubmitting(false);
      setErrors(checked.data.errors);
      return;
    }
    const body = checked.data.body;
    submission.current = keyForSubmission(submission.current, JSON.stringify(body));
    const result = await props.api.createCall(body, submission.current.key);
    setSubmitting(false);
    if (result.ok) {
      await draftStore.clear(values.consultationId);
      props.onScheduled(result.data);
      return;
    }
    if (result.status === 400 && result.error.issues?.length) setErrors(fieldErrorsFromIssues(result.error.issues));
    setFormError(describeApiFailure(result, clinic.timezone));
  }

  const warnsAboutPhone = Boolean(props.warning && /phone/i.test(props.warning));
  const field = (name: TextField, label: string, options: { required?: boolean; multiline?: boolean; type?: string; describedBy?: string } = {}) => (
    <Field id={`vfc-${name}`} label={label} required={options.required} error={errors[name]} describedBy={[options.describedBy]}>
      {(control) =>
        options.multiline ? (
          <textarea {...control} name={name} value={values[name]} disabled={submitting} rows={name === 'dischargeSummary' ? 5 : 2} onChange={(e) => update(name, e.target.value)} />
        ) : (
          <input
            {...control}
            name={name}
            value={values[name]}
            disabled={submitting}
            ref={name === 'ownerName' ? firstFieldRef : undefined}
            type={options.type ?? 'text'}
            autoComplete="off"
            onChange={(e) => update(name, e.target.value)}
          />
        )
      }
    </Field>
  );

  return (
    <dialog
      ref={dialogRef}
      className="vfc-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        // Esc: React removes the dialog; the caller moves focus back to the button.
        event.preventDefault();
        props.onClose();
      }}
      onKeyDown={(event) => {
        // Esc handled here (the browser then fires no `cancel`); `onCancel` covers a cancel from elsewhere.
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={titleId}>{i18n.t('dialog.title')}</h2>
        {clinic.demoMode && (
          <p className="vfc-demo" data-testid="demo-mode">
            {i18n.t('dialog.demoNote')}
          </p>
        )}
        {props.warning && (
          <p id={WARNING_ID} role="alert" className="vfc-warning" data-testid="read-warning">
            {props.warning}
          </p>
        )}
        {field('ownerName', i18n.t('dialog.ownerName'), { required: true, describedBy: props.warning && !warnsAboutPhone ? WARNING_ID : undefined })}
        {field('phoneNumber', i18n.t('dialog.ownerPhone'), { required: true, type: 'tel', describedBy: warnsAboutPhone ? WARNING_ID : undefined })}
        {field('petName', i18n.t('dialog.petName'), { required: true })}
        {field('vetName', i18n.t('dialog.vet'))}
        {field('dischargeSummary', i18n.t('dialog.dischargeSummary'), { multiline: true })}
        {field('notes', i18n.t('dialog.notes'), { multiline: true })}
        <ClinicTimeField
          id="vfc-scheduledFor"
          name="scheduledFor"
          label={i18n.t('dialog.callAt')}
          value={values.scheduledForLocal}
          timeZone={clinic.timezone}
          now={now()}
          error={errors['scheduledFor']}
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
            {i18n.t('dialog.close')}
          </button>
          <button type="submit" className="vfc-primary" disabled={submitting}>
            {submitting ? i18n.t('dialog.scheduling') : i18n.t('dialog.schedule')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
