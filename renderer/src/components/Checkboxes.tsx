import { describedBy, ErrorMessage } from './FormGroup.js';

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

/**
 * GOV.UK small checkboxes in a fieldset; the first box carries `id`, so an error summary's link
 * lands on the group, and the others are `id-value`. Each box may have a hint of its own.
 */
export function Checkboxes(props: {
  id: string;
  legend: string;
  hint?: string;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}) {
  const { id, legend, hint, options, values, onChange, error } = props;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            const checked = values.includes(o.value);
            return (
              <div className="govuk-checkboxes__item" key={o.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={optionId}
                  name={id}
                  type="checkbox"
                  value={o.value}
                  checked={checked}
                  onChange={() => {
                    onChange(checked ? values.filter((x) => x !== o.value) : [...values, o.value]);
                  }}
                  {...(o.hint ? { 'aria-describedby': `${optionId}-item-hint` } : {})}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint && (
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
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
