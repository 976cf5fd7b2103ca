/**
 * Labelled form controls in the dashboard's field layout (label, control, optional hint). Each control's label is a
 * real <label for>, so tests and screen readers find it by name.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { errorMessage } from '../api/api-error.ts';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  /** The hint's element ID; the control is then described by it (aria-describedby). */
  hintId?: string;
  children: ReactNode;
}

function Field({ id, label, hint, hintId, children }: FieldProps): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Props of TextField: the input's own attributes, plus its label, an optional hint and a value callback. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  hint?: ReactNode;
  hintId?: string;
  onValue: (value: string) => void;
}

/** A labelled <input> (text by default; any `type` works). */
export function TextField({ id, label, hint, hintId, onValue, ...input }: TextFieldProps): ReactNode {
  return (
    <Field id={id} label={label} hint={hint} hintId={hintId}>
      <input id={id} aria-describedby={hintId} {...input} onChange={(event) => onValue(event.target.value)} />
    </Field>
  );
}

/** One choice of a SelectField: a bare value is its own label. */
export type SelectOption<Value extends string> = Value | { value: Value; label: string };

/** Props of SelectField. */
export interface SelectFieldProps<Value extends string> {
  id: string;
  label: string;
  value: Value;
  options: readonly SelectOption<Value>[];
  onValue: (value: Value) => void;
}

/** A labelled <select> over a fixed set of values. */
export function SelectField<Value extends string>(props: SelectFieldProps<Value>): ReactNode {
  const { id, label, value, options, onValue } = props;
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(event) => onValue(event.target.value as Value)}>
        {options.map((option) => {
          const { value: optionValue, label: optionLabel } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

/** A checkbox with its label text beside it. */
export function CheckField(props: {
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}): ReactNode {
  const { label, checked, onChecked } = props;
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChecked(event.target.checked)} />
      {label}
    </label>
  );
}

/** A failed request's (or a validation) message, announced as an alert; nothing while there is none. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }): ReactNode {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="state state--error">
      {errorMessage(error)}
    </p>
  );
}
