import { minClinicLocalInput, quickChoices, readClinicTime, zoneLabel } from '../lib/clinic-time';
import { i18n } from '#i18n';
import { Field } from './Field';

export interface ClinicTimeFieldProps {
  /** Element id of the input (labels, errors and tests find it by this). */
  id: string;
  /** Label before the zone, e.g. `Call at` → "Call at (clinic time, America/New_York (EST)) *". */
  label: string;
  /** Clinic-local `datetime-local` value (`YYYY-MM-DDTHH:mm[:ss]`). */
  value: string;
  /** The clinic's IANA zone (from the API), never the browser's. */
  timeZone: string;
  onChange: (value: string) => void;
  /** Message shown under the field and announced with it (`aria-describedby`). */
  error?: string | undefined;
  disabled?: boolean;
  /** The clock for the quick choices and the earliest time offered (tests pin it). */
  now: Date;
  name?: string;
}

/**
 * The clinic-local date-time field with its quick choices ("In 1 hour", "Tomorrow 10:00"): a labelled
 * `<input type="datetime-local" step="60">` (minute precision; times before `now` are not offered) naming the zone
 * with its abbreviation for the time picked (PDT for a July date, PST for a December one). Used by the Schedule
 * dialog and the Reschedule form; the caller reads the value with `readClinicTime`.
 */
export function ClinicTimeField(props: ClinicTimeFieldProps) {
  const { id, label } = props;
  const picked = readClinicTime(props.value, props.timeZone);
  const at = picked.ok ? picked.instant : props.now;
  return (
    <Field
      id={id}
      label={i18n.t('time.clinicTimeLabel', [label, zoneLabel(props.timeZone, at)])}
      errorLabel={label}
      required
      error={props.error}
    >
      {(control) => (
        <>
          <input
            {...control}
            name={props.name ?? id}
            type="datetime-local"
            step="60"
            min={minClinicLocalInput(props.now, props.timeZone)}
            value={props.value}
            disabled={props.disabled}
            onChange={(e) => props.onChange(e.target.value)}
          />
          <div className="vfc-quick" role="group" aria-label={i18n.t('time.quickTimes')}>
            {quickChoices(props.now, props.timeZone).map((choice) => (
              <button key={choice.label} type="button" className="vfc-secondary" disabled={props.disabled} onClick={() => props.onChange(choice.value)}>
                {choice.label}
              </button>
            ))}
          </div>
        </>
      )}
    </Field>
  );
}
