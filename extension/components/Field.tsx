import type { ReactNode } from 'react';

/** The ARIA a field's control must carry so its label, hint and error are read with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

export interface FieldProps {
  /** Element id of the control; the hint is `<id>-hint`, the error `<id>-error`. */
  id: string;
  label: ReactNode;
  /** Shows a `*` (hidden from screen readers; `aria-required` says it). */
  required?: boolean;
  /** Help under the label, read with the control. */
  hint?: ReactNode;
  /** The field's error (shown, announced and linked to the control), e.g. `is required`. */
  error?: string | undefined;
  /** Text the error is prefixed with (default: the label when it is a string). */
  errorLabel?: string;
  /** Ids of other elements describing the control (e.g. a warning about what could not be read). */
  describedBy?: readonly (string | undefined)[];
  className?: string;
  /** Renders the control with the ids and ARIA it must carry. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The one label / hint / error block of every form: a `<label for>`, the control, an optional hint and an error in
 * `role="alert"`, with `aria-invalid`, `aria-required` and `aria-describedby` (hint, error, extra ids) on the control.
 */
export function Field(props: FieldProps) {
  const { id, error } = props;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, ...(props.describedBy ?? [])].filter(Boolean).join(' ') || undefined;
  const errorLabel = props.errorLabel ?? (typeof props.label === 'string' ? props.label : undefined);
  return (
    <div className={props.className ?? 'vfc-field'}>
      <label htmlFor={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': props.required ? true : undefined,
      })}
      {props.hint && (
        <p id={hintId} className="vfc-muted">
          {props.hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="vfc-error" role="alert">
          {errorLabel ? `${errorLabel}: ${error}` : error}
        </p>
      )}
    </div>
  );
}
