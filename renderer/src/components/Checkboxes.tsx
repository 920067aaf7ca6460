import { Choices, type ChoiceOption } from './Choices.js';

export type CheckboxOption = ChoiceOption;

/** GOV.UK small checkboxes in a fieldset (see Choices): the values ticked, in the order ticked. */
export function Checkboxes(props: {
  id: string;
  legend: string;
  hint?: string;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}) {
  const { values, onChange, ...rest } = props;
  return (
    <Choices
      kind="checkboxes"
      modifiers={['small']}
      {...rest}
      isChecked={(v) => values.includes(v)}
      onToggle={(v) => {
        onChange(values.includes(v) ? values.filter((x) => x !== v) : [...values, v]);
      }}
    />
  );
}
