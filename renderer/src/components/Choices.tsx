import type { ReactNode } from 'react';
import { describedBy, ErrorMessage } from './FormGroup.js';

export interface ChoiceOption<T extends string = string> {
  value: T;
  label: string;
  hint?: string;
}

/**
 * GOV.UK radios or checkboxes in a fieldset, with the legend, hint and error message GOV.UK puts
 * above them. The first input carries `id`, so an error summary's link lands on the group; the
 * others are `id-value`. Each option may have a hint of its own.
 */
export function Choices<T extends string>(props: {
  kind: 'radios' | 'checkboxes';
  id: string;
  legend: ReactNode;
  legendClass?: string | undefined;
  hint?: string | undefined;
  options: readonly ChoiceOption<T>[];
  isChecked: (value: T) => boolean;
  onToggle: (value: T) => void;
  error?: string | undefined;
  /** More classes for the list of options: GOV.UK's --small or --inline. */
  modifiers?: readonly ('small' | 'inline')[] | undefined;
}) {
  const { kind, id, legend, hint, options, isChecked, onToggle, error } = props;
  const list = [`govuk-${kind}`, ...(props.modifiers ?? []).map((m) => `govuk-${kind}--${m}`)].join(' ');
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
        <div className={list}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div className={`govuk-${kind}__item`} key={o.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={id}
                  type={kind === 'radios' ? 'radio' : 'checkbox'}
                  value={o.value}
                  checked={isChecked(o.value)}
                  onChange={() => {
                    onToggle(o.value);
                  }}
                  {...(o.hint ? { 'aria-describedby': `${optionId}-item-hint` } : {})}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint && (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
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
