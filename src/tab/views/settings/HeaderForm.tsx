/**
 * Every value the report format's header declares, typed by kind, saved together. Required fields still
 * empty are marked as warnings (the report would print them blank); values that cannot be used are errors,
 * each beside its field, all at once, from the form and from the server alike.
 */
import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { HeaderValue } from '../../../domain/plan/plan.js';
import type { PeopleDto } from '../../../shared/api.js';
import type { PlanSettingsDto } from '../../../shared/settings-api.js';
import { useSession } from '../../app/context.js';
import { ApiError } from '../../api/client.js';
import { dateProblem, differs, useFieldCheck, useSubmit } from '../../components/forms/index.js';
import { HeaderFieldInput, type TypedHeader } from './HeaderFieldInput.js';
import { SettingsForm } from './SettingsForm.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

function serverProblems(error: unknown): Readonly<Record<string, string>> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return {};
  const fields = error.details?.['fields'];
  return fields && typeof fields === 'object' ? (fields as Record<string, string>) : {};
}

const isEmpty = (value: HeaderValue) => value === null || (typeof value === 'string' && value.trim() === '');

export function HeaderForm(props: { settings: PlanSettingsDto; onSaved: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const { settings } = props;
  const [initial] = useState<Record<string, TypedHeader>>(() =>
    Object.fromEntries(settings.headerFields.map((f) => [f.key, { value: f.value, bad: false }])),
  );
  const [typed, setTyped] = useState(initial);
  const [picked, setPicked] = useState<PeopleDto>({});
  const people: PeopleDto = { ...settings.people, ...picked };

  const check = useFieldCheck(
    Object.fromEntries(
      settings.headerFields.map((f) => {
        const t = typed[f.key]!;
        const value = typeof t.value === 'string' ? t.value : '';
        return [f.key, f.type === 'date' ? dateProblem(f.label, value, t.bad) : null];
      }),
    ),
  );
  const submit = useSubmit(
    async () => {
      const values = Object.fromEntries(
        settings.headerFields
          .filter((f) => differs(initial[f.key], typed[f.key]))
          .map((f) => [f.key, isEmpty(typed[f.key]!.value) ? null : typed[f.key]!.value]),
      );
      if (Object.keys(values).length > 0) await api.setHeader(settings.id, { values });
      props.onSaved();
    },
    { problems: check },
  );
  const refused = serverProblems(submit.error);
  const missing = settings.headerFields.filter(
    (f) => f.required && isEmpty(typed[f.key]!.value) && !f.fallback?.names,
  );

  return (
    <SettingsForm
      title="Report header"
      id="settings-header"
      unsavedLabel="The report header"
      dirty={differs(initial, typed)}
      submit={submit}
      saveLabel="Save the header"
    >
      {missing.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="header-missing">
          <MessageBarBody>
            The cover report would print these empty: {missing.map((f) => f.label).join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.grid}>
        {settings.headerFields.map((field) => {
          const own = check.field(field.key);
          const server = refused[field.key];
          const empty = field.required && isEmpty(typed[field.key]!.value) && !field.fallback?.names;
          const state = server
            ? { validationMessage: server, validationState: 'error' as const }
            : own.validationMessage
              ? own
              : empty
                ? {
                    validationMessage: 'Still to fill in.',
                    validationState: 'warning' as const,
                    ...(own.onBlur ? { onBlur: own.onBlur } : {}),
                  }
                : own;
          return (
            <HeaderFieldInput
              key={field.key}
              field={field}
              typed={typed[field.key]!}
              people={people}
              state={state}
              onChange={(next) => setTyped((current) => ({ ...current, [field.key]: next }))}
              onPerson={(id, name) =>
                setPicked((current) => ({
                  ...current,
                  [id]: { id, displayName: name, mail: null, jobTitle: null },
                }))
              }
            />
          );
        })}
      </div>
    </SettingsForm>
  );
}
