/**
 * One report header field, typed by its kind: text, date, a choice, yes or no, a person from the directory
 * (or, left empty, the holder of its role), or the wards affected.
 */
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import type { HeaderValue } from '../../../domain/plan/plan.js';
import type { SettingsHeaderFieldDto } from '../../../shared/settings-api.js';
import type { PeopleDto } from '../../../shared/api.js';
import { DateInput } from '../../components/forms/index.js';
import { PersonSearch } from '../../components/PersonSearch.js';

export interface TypedHeader {
  readonly value: HeaderValue;
  /** A date control holding something that is not a date. */
  readonly bad: boolean;
}

type FieldState = {
  validationMessage?: string;
  validationState?: 'error' | 'warning' | 'none';
  onBlur?: () => void;
};

export function HeaderFieldInput(props: {
  field: SettingsHeaderFieldDto;
  typed: TypedHeader;
  people: PeopleDto;
  state: FieldState;
  onChange: (typed: TypedHeader) => void;
  /** A person chosen here, so their name can be shown before it is saved. */
  onPerson: (id: string, name: string) => void;
}) {
  const { field, typed, state } = props;
  const text = typeof typed.value === 'string' ? typed.value : '';
  const set = (value: HeaderValue, bad = false) => props.onChange({ value, bad });
  const common = { label: field.label, required: field.required, ...state };
  switch (field.type) {
    case 'date':
      return (
        <Field {...common}>
          <DateInput value={text} onChange={(value, bad) => set(value === '' ? null : value, bad)} />
        </Field>
      );
    case 'choice':
      return (
        <Field {...common}>
          <Select value={text} onChange={(_e, d) => set(d.value === '' ? null : d.value)}>
            <option value="">Not chosen yet</option>
            {field.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'boolean':
      return (
        <Field {...common}>
          <Select
            value={typed.value === true ? 'yes' : typed.value === false ? 'no' : ''}
            onChange={(_e, d) => set(d.value === '' ? null : d.value === 'yes')}
          >
            <option value="">Not chosen yet</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </Select>
        </Field>
      );
    case 'person': {
      const chosen = text === '' ? null : (props.people[text]?.displayName ?? 'Someone not in the directory');
      return (
        <div data-testid={`header-person-${field.key}`}>
          <PersonSearch
            label={field.label}
            hint={
              chosen
                ? `Named: ${chosen}`
                : field.fallback && field.fallback.names !== ''
                  ? `Empty, so the report names the ${field.fallback.roleTitle}: ${field.fallback.names}`
                  : 'Type at least two letters of a name or email.'
            }
            onPick={(person) => {
              props.onPerson(person.id, person.displayName);
              set(person.id);
            }}
            {...(state.validationMessage ? { validationMessage: state.validationMessage } : {})}
            {...(state.validationState === 'error' ? { validationState: 'error' as const } : {})}
          />
          {chosen ? (
            <Text size={200}>
              {chosen}{' '}
              <Button size="small" appearance="subtle" onClick={() => set(null)}>
                Clear {field.label}
              </Button>
            </Text>
          ) : null}
        </div>
      );
    }
    case 'wards':
      return (
        <Field {...common} hint="“All wards”, or the wards separated by commas">
          <Input value={text} onChange={(_e, d) => set(d.value)} maxLength={2000} />
        </Field>
      );
    case 'text':
      return (
        <Field {...common}>
          <Input value={text} onChange={(_e, d) => set(d.value)} maxLength={500} />
        </Field>
      );
  }
}
