import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { Call } from '@vfc/shared';
import { clinicTimeProblemText, readClinicTime, toClinicLocalInput } from '../lib/clinic-time';
import { describeApiFailure } from '../lib/error-text';
import { fieldErrorsFromIssues } from '../lib/form-errors';
import type { ExtensionApi } from '../lib/messages';
import { ClinicTimeField } from './ClinicTimeField';

export interface RescheduleFormProps {
  call: Call;
  /** The clinic's IANA zone: the field is clinic-local. */
  timeZone: string;
  api: Pick<ExtensionApi, 'rescheduleCall'>;
  /** The server moved the call (answers the updated call, with `requestedFor`/`statusReason` when it adjusted the time). */
  onRescheduled: (call: Call) => void;
  onClose: () => void;
  /** The clock for the quick choices (tests pin it). */
  now?: () => Date;
}

/**
 * Inline form to move a scheduled call (`PATCH /calls/{callId}`): the clinic-local time field with quick choices,
 * read strictly before sending (a time the clocks skip for DST or a past time is refused); the API's refusals (past time, 409 no longer scheduled / opted out /
 * per-number cap) are shown in words, with instants in the clinic's zone. Esc closes.
 */
export function RescheduleForm(props: RescheduleFormProps) {
  const { call, timeZone } = props;
  const id = `vfc-reschedule-${call.callId}`;
  const [value, setValue] = useState(() => toClinicLocalInput(call.scheduledFor, timeZone).slice(0, 16));
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const now = props.now ?? (() => new Date());

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  async function submit() {
    setFormError(undefined);
    const time = readClinicTime(value, timeZone, now());
    if (!time.ok) {
      setFieldError(clinicTimeProblemText(time.problem, timeZone));
      return;
    }
    setSaving(true);
    const result = await props.api.rescheduleCall(call.callId, time.instant.toISOString());
    setSaving(false);
    if (result.ok) {
      props.onRescheduled(result.data);
      return;
    }
    if (result.status === 400 && result.error.issues?.length) {
      setFieldError(fieldErrorsFromIssues(result.error.issues)['scheduledFor']);
    }
    setFormError(describeApiFailure(result, timeZone));
  }

  return (
    <form
      ref={formRef}
      className="vfc-reschedule"
      aria-label={i18n.t('reschedule.formLabel', [call.petName])}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ClinicTimeField
        id={id}
        label={i18n.t('reschedule.newTime')}
        value={value}
        timeZone={timeZone}
        now={now()}
        error={fieldError}
        disabled={saving}
        onChange={(next) => {
          setValue(next);
          setFieldError(undefined);
        }}
      />
      {formError && (
        <p role="alert" className="vfc-error" data-testid="reschedule-error">
          {formError}
        </p>
      )}
      <div className="vfc-actions">
        <button type="button" className="vfc-secondary" onClick={props.onClose} disabled={saving}>
          {i18n.t('reschedule.keepTime')}
        </button>
        <button type="submit" className="vfc-primary" disabled={saving}>
          {saving ? i18n.t('reschedule.saving') : i18n.t('reschedule.save')}
        </button>
      </div>
    </form>
  );
}
