/** One section: its text (editable by its owner and contributors), its prompt questions, and review. */
import {
  Badge,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { wordCount } from '../../../domain/sections/rich-text.js';
import type { SectionDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { longDate, nameOf, STATUS_COLOUR, STATUS_LABEL, when } from '../../components/display-text.js';
import { stillToAgree, toFollowLine } from '../../components/contribution-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { RichTextView } from '../../rich-text/RichTextView.js';
import { ConflictPanel } from './ConflictPanel.js';
import { FiguresPanel } from './FiguresPanel.js';
import { PromptQuestions } from './PromptQuestions.js';
import { ReviewPanel } from './ReviewPanel.js';
import { RichTextEditor } from './RichTextEditor.js';
import { DEFAULT_TIMING, useDraft, type Draft } from './use-draft.js';
import { useUnsavedWork } from '../../app/leave-guard.js';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 2fr)',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 800px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalS,
  },
  readOnly: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
});

export default function SectionView({ planId, sectionKey }: { planId: string; sectionKey: string }) {
  const { api } = useSession();
  const loaded = useLoad(() => api.section(planId, sectionKey), [api, planId, sectionKey]);
  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading label="Opening the section…" />;
  return <SectionBody key={`${planId}/${sectionKey}`} initial={loaded.data} />;
}

const SAVE_TEXT: Record<Draft['state'], string> = {
  saved: 'All changes saved',
  unsaved: 'Changes not saved yet…',
  saving: 'Saving…',
  retrying: 'Not saved — retrying',
  conflict: 'Not saved: someone else changed this section',
  failed: 'Not saved',
};

const timeOfDay = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "Saved 14:02" once something was saved; what else is going on, in words, otherwise. */
function saveText(draft: Draft): string {
  if (draft.state === 'saved' && draft.savedAt) return `Saved ${timeOfDay.format(new Date(draft.savedAt))}`;
  return SAVE_TEXT[draft.state];
}

function SectionBody({ initial }: { initial: SectionDto }) {
  const { api, me, session } = useSession();
  const styles = useStyles();
  const draft = useDraft(api, initial, {
    userId: me.id,
    timing: { ...DEFAULT_TIMING, minIntervalMs: (session.autosaveSeconds ?? 10) * 1000 },
  });
  const section = draft.section;
  // Leaving with text the autosave has not kept yet asks first (and can save it on the way out).
  useUnsavedWork(draft.state !== 'saved', `“${section.title}”`, draft.flush);
  const [submitting, setSubmitting] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const editable =
    section.canEdit &&
    section.status !== 'accepted' &&
    (section.planStatus === 'drafting' || section.planStatus === 'in-approval');
  const words = wordCount(draft.content);
  const over = words > section.wordBudget;

  useEffect(() => {
    document.title = `${section.title} — Plan Builder`;
  }, [section.title]);

  const contribution = section.contribution;
  const joint = contribution.jointAuthors;
  const iAgreed = joint?.find((a) => a.id === me.id)?.agreed ?? false;
  const waitingFor = stillToAgree(section.people, contribution);
  const noneText = contribution.noneText;

  const completeAsNone = async () => {
    if (noneText === null) return;
    setSubmitting(true);
    setActionError(null);
    try {
      // Anything typed and not yet saved would be replaced: save it first, so the server can refuse.
      if (!(await draft.flush())) throw draft.error ?? new Error('Save your changes first.');
      draft.adopt(await api.completeAsNone(section.planId, section.key, draft.section.revision));
    } catch (failure) {
      setActionError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setActionError(null);
    try {
      if (!(await draft.flush())) throw draft.error ?? new Error('Save your changes before submitting.');
      draft.replaceSection(await api.submit(section.planId, section.key));
    } catch (failure) {
      setActionError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> ›{' '}
        <Link href={hrefFor({ name: 'plan', planId: section.planId })}>{section.planTitle}</Link>
      </nav>
      <div className={styles.head}>
        <Title2 block as="h1" id="section-title">
          {section.title}
        </Title2>
        <Badge color={STATUS_COLOUR[section.status]} appearance="filled" data-testid="section-status">
          {STATUS_LABEL[section.status]}
        </Badge>
      </div>
      {toFollowLine(contribution) && (
        <MessageBar intent="info" data-testid="section-to-follow">
          <MessageBarBody>
            {toFollowLine(contribution)}. The documents show this placeholder until the plan lead accepts the
            text.
          </MessageBarBody>
        </MessageBar>
      )}
      {contribution.outsideParty && (
        <MessageBar intent="info" layout="multiline" data-testid="section-outside">
          <MessageBarBody>
            <MessageBarTitle>From outside the council</MessageBarTitle>
            Awaited from {contribution.outsideParty.organisation} ({contribution.outsideParty.contactName}
            {contribution.outsideParty.email ? `, ${contribution.outsideParty.email}` : ''}), chased and
            entered by {nameOf(section.people, section.ownerId)}. What is entered here is recorded as entered
            on their behalf.
          </MessageBarBody>
        </MessageBar>
      )}
      {joint && (
        <MessageBar intent={waitingFor ? 'warning' : 'success'} data-testid="section-joint">
          <MessageBarBody>
            Joint authors:{' '}
            {joint.map((a) => `${nameOf(section.people, a.id)}${a.agreed ? ' (agreed)' : ''}`).join(', ')}.{' '}
            {waitingFor ? `Waiting for ${waitingFor} to agree to the text as it stands.` : 'All have agreed.'}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 block as="p">
        Owner: {nameOf(section.people, section.ownerId)}
        {section.contributorIds.length > 0
          ? ` · Contributors: ${section.contributorIds.map((id) => nameOf(section.people, id)).join(', ')}`
          : ''}
        {` · Due ${longDate(section.dueDate)}`}
        {section.lastEdit
          ? ` · Last edit by ${nameOf(section.people, section.lastEdit.by)}, ${when(section.lastEdit.at)}`
          : ''}
      </Caption1>
      {section.guidance && (
        <Text block as="p" id="section-guidance">
          {section.guidance}
        </Text>
      )}
      {section.reviewComment && section.status === 'changes-requested' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The plan lead asked for changes</MessageBarTitle>
            {section.reviewComment}
          </MessageBarBody>
        </MessageBar>
      )}
      {section.canReview && (section.status === 'submitted' || section.status === 'accepted') && (
        <ReviewPanel section={section} onDone={draft.replaceSection} />
      )}
      <div className={styles.layout}>
        <div>
          {draft.conflict && (
            <ConflictPanel conflict={draft.conflict} mine={draft.content} onResolve={draft.resolve} />
          )}
          {editable ? (
            <>
              <div className={styles.bar}>
                <Text role="status" aria-live="polite" data-testid="save-state" data-state={draft.state}>
                  {draft.state === 'saving' && (
                    <Spinner size="extra-tiny" style={{ display: 'inline-flex', marginRight: 6 }} />
                  )}
                  {saveText(draft)}
                </Text>
                <Text data-testid="word-count" weight={over ? 'semibold' : 'regular'}>
                  {words} of {section.wordBudget} words{over ? ': over the budget' : ''}
                </Text>
              </div>
              {draft.state === 'failed' && <ErrorNotice error={draft.error} onRetry={draft.retry} />}
              <div
                onBlur={(event) => {
                  // Only when focus leaves the editor altogether, not when it moves to its toolbar.
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null)) draft.blurred();
                }}
              >
                <RichTextEditor
                  initial={draft.content}
                  generation={draft.generation}
                  labelId="section-title"
                  describedBy={section.guidance ? 'section-guidance' : undefined}
                  onChange={draft.setContent}
                />
              </div>
              <FiguresPanel
                section={section}
                pending={draft.figures}
                readOnly={false}
                onChange={draft.setFigure}
              />
              <div className={styles.bar}>
                <Button
                  appearance="primary"
                  onClick={submit}
                  disabled={
                    submitting ||
                    draft.conflict !== null ||
                    draft.content.length === 0 ||
                    section.status === 'submitted' ||
                    (joint !== null && iAgreed)
                  }
                  icon={submitting ? <Spinner size="tiny" /> : undefined}
                >
                  {submitting
                    ? 'Submitting…'
                    : section.status === 'submitted'
                      ? 'Submitted for review'
                      : joint
                        ? iAgreed
                          ? 'You have agreed'
                          : 'Agree and submit'
                        : 'Submit for review'}
                </Button>
                {noneText !== null && section.status !== 'submitted' && draft.content.length === 0 && (
                  <Button
                    onClick={completeAsNone}
                    disabled={submitting || draft.conflict !== null}
                    data-testid="complete-as-none"
                  >
                    Complete as “{noneText}” and submit
                  </Button>
                )}
              </div>
              {actionError ? <ErrorNotice error={actionError} /> : null}
            </>
          ) : (
            <>
              {!section.canEdit && (
                <Text block as="p">
                  You are reading this section. Its owner and contributors can edit it.
                </Text>
              )}
              {section.canEdit && section.status === 'accepted' && (
                <Text block as="p">
                  This section has been accepted. Ask the plan lead to send it back if it needs to change.
                </Text>
              )}
              <div className={styles.readOnly} aria-label="Section text">
                <RichTextView content={section.content} />
              </div>
              <FiguresPanel section={section} pending={{}} readOnly onChange={() => undefined} />
            </>
          )}
        </div>
        <aside aria-label="Prompt questions">
          <Subtitle2 block as="h2">
            Prompt questions
          </Subtitle2>
          {section.promptQuestions.length === 0 ? (
            <Text block as="p">
              This section has no prompt questions.
            </Text>
          ) : (
            <PromptQuestions
              section={section}
              pending={draft.answers}
              readOnly={!editable}
              onAnswer={draft.setAnswer}
            />
          )}
        </aside>
      </div>
    </>
  );
}
