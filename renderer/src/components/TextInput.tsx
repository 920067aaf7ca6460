import type { InputHTMLAttributes } from 'react';
import { describedBy, FormGroup } from './FormGroup.js';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | undefined;
}

/** The GOV.UK text input with its label, hint and error message wired to it for assistive technology. */
export function TextInput({ id, label, hint, error, width, ...input }: Props) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        type="text"
        className={['govuk-input', width, error ? 'govuk-input--error' : null].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FormGroup>
  );
}
