/** The plan's title. */
import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanSettingsDto } from '../../../shared/settings-api.js';
import { useSession } from '../../app/context.js';
import { useFieldCheck, useSubmit } from '../../components/forms/index.js';
import { SettingsForm } from './SettingsForm.js';

const MAX_TITLE = 255;

export function TitleForm(props: { settings: PlanSettingsDto; onSaved: () => void }) {
  const { api } = useSession();
  const [title, setTitle] = useState(props.settings.title);
  const trimmed = title.trim();
  const check = useFieldCheck({
    title:
      trimmed === ''
        ? 'Give the plan a title, for example “Productivity Plan 2024”.'
        : trimmed.length > MAX_TITLE
          ? `The title is ${trimmed.length} characters; the limit is ${MAX_TITLE}.`
          : null,
  });
  const submit = useSubmit(
    async () => {
      await api.setTitle(props.settings.id, { title: trimmed });
      props.onSaved();
    },
    { problems: check },
  );
  return (
    <SettingsForm
      title="Title"
      id="settings-title"
      unsavedLabel="The plan's title"
      dirty={title !== props.settings.title}
      submit={submit}
      saveLabel="Save the title"
    >
      <Field label="Title" required {...check.field('title')}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
    </SettingsForm>
  );
}
