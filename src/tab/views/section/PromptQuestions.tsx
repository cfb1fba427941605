/** The template's prompt questions beside the text: answered here, or not applicable and why. */
import { Caption1, Field, makeStyles, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PromptAnswer, SectionDto } from '../../../shared/api.js';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  question: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  text: { marginBlock: tokens.spacingVerticalXS },
  // Three choices side by side where they fit; on a phone they wrap to the next line whole.
  choices: { flexWrap: 'wrap', '& .fui-Radio__label': { whiteSpace: 'nowrap' } },
});

type Choice = 'missing' | 'answered' | 'not-applicable';

export function PromptQuestions(props: {
  section: SectionDto;
  pending: Readonly<Record<string, PromptAnswer | null>>;
  readOnly: boolean;
  onAnswer: (questionId: string, answer: PromptAnswer | null) => void;
}) {
  const styles = useStyles();
  if (props.section.promptQuestions.length === 0) return null;
  return (
    <ol className={styles.list} aria-label="Prompt questions">
      {props.section.promptQuestions.map((question, i) => {
        const answer =
          question.id in props.pending
            ? props.pending[question.id]
            : props.section.promptAnswers[question.id];
        return (
          <li key={question.id} className={styles.question}>
            <Question
              number={i + 1}
              id={question.id}
              text={question.text}
              source={`${question.source.author}, ${question.source.title}`}
              answer={answer ?? null}
              readOnly={props.readOnly}
              onAnswer={(value) => props.onAnswer(question.id, value)}
            />
          </li>
        );
      })}
    </ol>
  );
}

function Question(props: {
  number: number;
  id: string;
  text: string;
  source: string;
  answer: PromptAnswer | null;
  readOnly: boolean;
  onAnswer: (answer: PromptAnswer | null) => void;
}) {
  const styles = useStyles();
  const current: Choice = props.answer?.state ?? 'missing';
  const [choice, setChoice] = useState<Choice>(current);
  const [reason, setReason] = useState(props.answer?.state === 'not-applicable' ? props.answer.reason : '');
  const labelId = `q-${props.id}`;
  const choose = (next: Choice) => {
    setChoice(next);
    if (next === 'missing') props.onAnswer(null);
    else if (next === 'answered') props.onAnswer({ state: 'answered' });
    else if (reason.trim() !== '') props.onAnswer({ state: 'not-applicable', reason: reason.trim() });
  };
  return (
    <>
      <p id={labelId} className={styles.text}>
        <strong>{props.number}.</strong> {props.text}
      </p>
      <Caption1>{props.source}</Caption1>
      <RadioGroup
        aria-labelledby={labelId}
        value={choice}
        layout="horizontal"
        className={styles.choices}
        disabled={props.readOnly}
        onChange={(_e, data) => choose(data.value as Choice)}
      >
        <Radio value="missing" label="Not yet" />
        <Radio value="answered" label="Answered here" />
        <Radio value="not-applicable" label="Not applicable" />
      </RadioGroup>
      {choice === 'not-applicable' && (
        <Field
          label="Why it does not apply"
          required
          validationState={reason.trim() === '' ? 'warning' : 'none'}
          validationMessage={reason.trim() === '' ? 'Say why, so the plan lead can check it.' : undefined}
        >
          <Textarea
            value={reason}
            readOnly={props.readOnly}
            maxLength={500}
            onChange={(_e, data) => {
              setReason(data.value);
              if (data.value.trim() !== '')
                props.onAnswer({ state: 'not-applicable', reason: data.value.trim() });
            }}
          />
        </Field>
      )}
    </>
  );
}
