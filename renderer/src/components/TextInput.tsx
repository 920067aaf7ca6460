import type { InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | undefined;
}

/** The GOV.UK text input with its label, hint and error message wired to it for assistive technology. */
export function TextInput({ id, label, hint, error, width, ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        type="text"
        className={['govuk-input', width, error ? 'govuk-input--error' : null].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}
