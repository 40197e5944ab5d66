import { quickChoices, zoneLabel } from '../lib/clinic-time';

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
  error?: string;
  disabled?: boolean;
  /** The clock for the quick choices (tests pin it). */
  now: Date;
  name?: string;
}

/**
 * The clinic-local date-time field with its quick choices ("In 1 hour", "Tomorrow 10:00"): a labelled
 * `<input type="datetime-local" step="1">` showing which zone it is in. Used by the Schedule dialog and the
 * Reschedule form. The value is converted to UTC by the caller (`clinicLocalToUtcIso`).
 */
export function ClinicTimeField(props: ClinicTimeFieldProps) {
  const { id, label, error } = props;
  return (
    <div className="vfc-field">
      <label htmlFor={id}>
        {label} (clinic time, {zoneLabel(props.timeZone, props.now)})<span aria-hidden="true"> *</span>
      </label>
      <input
        id={id}
        name={props.name ?? id}
        type="datetime-local"
        step="1"
        value={props.value}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div className="vfc-quick" role="group" aria-label="Quick times">
        {quickChoices(props.now, props.timeZone).map((choice) => (
          <button key={choice.label} type="button" className="vfc-secondary" disabled={props.disabled} onClick={() => props.onChange(choice.value)}>
            {choice.label}
          </button>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="vfc-error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}
