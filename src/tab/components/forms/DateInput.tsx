/**
 * A date field's input. The browser's date control gives an empty value for a date that does not exist
 * (31 February) or is half typed, so this also says when what is typed is not a date at all.
 */
import { Input, type InputProps } from '@fluentui/react-components';

export function DateInput(
  props: Omit<InputProps, 'type' | 'value' | 'onChange'> & {
    value: string;
    onChange: (value: string, notADate: boolean) => void;
  },
) {
  const { value, onChange, ...rest } = props;
  return (
    <Input
      {...rest}
      type="date"
      value={value}
      onChange={(event, data) => onChange(data.value, event.target.validity.badInput)}
    />
  );
}

/** The problem with a date typed into a DateInput, if any. */
export function dateProblem(
  label: string,
  value: string,
  notADate: boolean,
  options: { required?: boolean; notBefore?: { date: string; words: string } } = {},
): string | null {
  if (notADate) return `${label}: that is not a date. Use the calendar or type day, month and year.`;
  if (value === '') return options.required ? `${label}: give a date.` : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${label}: that is not a date.`;
  if (options.notBefore && value < options.notBefore.date) return `${label} is ${options.notBefore.words}.`;
  return null;
}
