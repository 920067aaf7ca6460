import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { Choices, type ChoiceOption } from '../../components/Choices.js';
import { CharacterCount, describedBy, FormGroup, overLimit } from '../../components/FormGroup.js';

/** GOV.UK radios in a fieldset (see Choices). */
export function Radios<T extends string>(props: {
  id: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: string;
  options: readonly ChoiceOption<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
  small?: boolean;
  inline?: boolean;
}) {
  const { value, onChange, small, inline, ...rest } = props;
  const modifiers = [small ? ('small' as const) : null, inline ? ('inline' as const) : null].filter((m) => m !== null);
  return <Choices kind="radios" modifiers={modifiers} {...rest} isChecked={(v) => v === value} onToggle={onChange} />;
}

interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement> | undefined;
  /** The contract's limit: with it, the GOV.UK character count shows under the field. */
  limit?: number | undefined;
  value: string;
}

export function Textarea({ id, label, hint, error, limit, ...textarea }: TextareaProps) {
  const wrong = error !== undefined || overLimit(textarea.value.length, limit);
  const described = [describedBy(id, hint, error), limit ? `${id}-info` : null].filter(Boolean).join(' ');
  return (
    <FormGroup id={id} label={label} hint={hint} error={error} className={limit ? 'govuk-character-count' : undefined}>
      <textarea
        id={id}
        name={id}
        rows={5}
        className={`govuk-textarea${wrong ? ' govuk-textarea--error' : ''}`}
        aria-describedby={described || undefined}
        {...textarea}
      />
      {limit !== undefined && <CharacterCount id={id} length={textarea.value.length} limit={limit} />}
    </FormGroup>
  );
}
