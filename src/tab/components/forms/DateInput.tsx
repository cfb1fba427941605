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
