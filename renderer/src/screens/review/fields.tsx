import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { CharacterCount, describedBy, ErrorMessage, FormGroup, overLimit } from '../../components/FormGroup.js';

interface Option<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/**
 * GOV.UK radios in a fieldset. The first radio carries `id`, so the error summary's link lands
 * on the group; the others are `id-value`.
 */
export function Radios<T extends string>(props: {
  id: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: string;
  options: readonly Option<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
  small?: boolean;
  inline?: boolean;
}) {
  const { id, legend, hint, options, value, onChange, error } = props;
  const classes = ['govuk-radios', props.small ? 'govuk-radios--small' : null, props.inline ? 'govuk-radios--inline' : null].filter(Boolean).join(' ');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${props.legendClass ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div className={classes}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={id}
                  type="radio"
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => {
                    onChange(o.value);
                  }}
                  {...(o.hint ? { 'aria-describedby': `${optionId}-item-hint` } : {})}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint && (
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {o.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
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
