/**
 * The approval card for one stage, in two views: an approver's (with Approve, Request changes and
 * Delegate, and who they answer for) and everyone else's, the one posted to a chat. Teams shows each
 * approver their own view through `refresh`: the clients of the people in `userIds` ask the bot for a
 * fresh card. Clients that do not (the Agents Playground, some mobile clients) show everyone the posted
 * card, so it carries Approve and Request changes too while the stage is open: the bot decides from the
 * identity of whoever presses, and a non-approver is told so privately, with nothing recorded.
 */
import type { IsoDate, PersonId } from '../domain/plan/plan.js';
import type { ApprovalStageKind } from '../domain/templates/report-format.js';
import { shortHash } from '../domain/documents/content-hash.js';
import { longDate } from '../domain/wording/dates.js';
import type { AdaptiveCard, CardAction, CardElement, ContainerStyle, Refresh } from './elements.js';
import { card, container, execute, facts, heading, openUrl, text } from './elements.js';
import { plainText, userText } from './escape.js';
import { formatDate, LIMITS, plural } from './card-text.js';
import { COMMENT_MAX, INPUT_IDS } from './verbs.js';

/** Teams refreshes automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

export interface TallyEntry {
  readonly name: string;
  readonly comment: string | null;
  /** Set when a deputy answered for this approver. */
  readonly deputyName: string | null;
}

export interface ApprovalTallyView {
  readonly approved: readonly TallyEntry[];
  readonly changesRequested: readonly TallyEntry[];
  readonly waiting: readonly string[];
  /** Approvals the rule needs. */
  readonly needed: number;
}

export interface PersonChoice {
  readonly id: PersonId;
  readonly name: string;
}

export type ApprovalViewer =
  | { readonly kind: 'everyone' }
  | {
      readonly kind: 'approver';
      /** For a deputy: the approver they answer for. */
      readonly onBehalfOf: PersonChoice | null;
      /** People the approver may name as deputy; empty hides "Delegate". */
      readonly deputies: readonly PersonChoice[];
    };

export type StageCardState = 'open' | 'approved' | 'changes-requested';

export type ApprovalScope =
  | { readonly rule: 'any-change' }
  | { readonly rule: 'sections'; readonly covers: readonly string[] }
  | { readonly rule: 'draft' };

export interface Notice {
  readonly tone: 'info' | 'good' | 'warning';
  readonly text: string;
}

export interface ApprovalCardView {
  readonly planId: string;
  readonly planTitle: string;
  readonly stageKey: string;
  readonly stageTitle: string;
  readonly stageKind: ApprovalStageKind;
  readonly state: StageCardState;
  readonly round: number;
  readonly version: number;
  readonly versionHash: string;
  /** The day (in England) this version went round in this stage; absent or null: not known. */
  readonly versionDate?: IsoDate | null;
  /** What changed since the last round (or since the viewer answered); null in the first round. */
  readonly changes: readonly string[] | null;
  /** Since what `changes` counts: the viewer's own answer on that version, or that version's round. */
  readonly changesSince?: { readonly version: number; readonly yours: boolean } | null;
  /** What the stage's answer stands for: the whole plan, only some sections, or a draft. */
  readonly scope?: ApprovalScope;
  /** Sections the plan goes ahead without: who each is awaited from, and by when. */
  readonly toFollow?: readonly {
    readonly title: string;
    readonly from: string;
    readonly by: IsoDate | null;
  }[];
  /** The exact frozen document the approvers are asked about. */
  readonly documentUrl: string;
  /** The rule as a sentence (ruleSentence): "3 of 5 must approve, including the Chief Executive". */
  readonly rule: string;
  readonly tally: ApprovalTallyView;
  /** The ids Teams knows the waiting approvers (and their deputies) by, for `refresh.userIds`. */
  readonly refreshUserIds: readonly string[];
  readonly viewer: ApprovalViewer;
  readonly notice: Notice | null;
}

const KIND_LABELS: Readonly<Record<ApprovalStageKind, string>> = {
  'sign-off': 'Sign-off',
  endorsement: 'Endorsement',
  decision: 'Decision',
};

const STATE_LABELS: Readonly<Record<StageCardState, string>> = {
  open: 'Waiting for responses',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

const NOTICE_STYLES: Readonly<Record<Notice['tone'], ContainerStyle>> = {
  info: 'emphasis',
  good: 'good',
  warning: 'warning',
};

/** "Version 2, 3 December 2026": members read a version by its number and the day it went round. */
export const versionLabel = (version: number, sentOn: IsoDate | null | undefined): string =>
  sentOn ? `Version ${version}, ${longDate(sentOn)}` : `Version ${version}`;

/** The content hash, for whoever checks a document against it: at the foot of the card, small. */
export const versionDetails = (hash: string): CardElement =>
  text(`Details: content hash ${userText(shortHash(hash), LIMITS.title)}`, {
    isSubtle: true,
    size: 'small',
    separator: true,
  });

function tallyEntry(entry: TallyEntry, mark: string): CardElement[] {
  const by = entry.deputyName === null ? '' : ` (by ${userText(entry.deputyName, LIMITS.name)}, deputy)`;
  const lines: CardElement[] = [
    text(`${mark} ${userText(entry.name, LIMITS.name)}${by}`, { spacing: 'small' }),
  ];
  if (entry.comment !== null) {
    lines.push(text(userText(entry.comment, LIMITS.comment), { isSubtle: true, spacing: 'none' }));
  }
  return lines;
}

export function tallyElements(tally: ApprovalTallyView): CardElement[] {
  const items: CardElement[] = [
    text('Responses', { weight: 'bolder' }),
    text(`Approved: ${tally.approved.length} of ${tally.needed} needed`, { color: 'good', spacing: 'small' }),
    ...tally.approved.flatMap((entry) => tallyEntry(entry, '✓')),
  ];
  if (tally.changesRequested.length > 0) {
    items.push(
      text(`Changes requested: ${tally.changesRequested.length}`, { color: 'attention' }),
      ...tally.changesRequested.flatMap((entry) => tallyEntry(entry, '✗')),
    );
  }
  if (tally.waiting.length > 0) {
    items.push(
      text(`Waiting: ${tally.waiting.length}`, { isSubtle: true }),
      text(tally.waiting.map((name) => userText(name, LIMITS.name)).join(', '), { spacing: 'none' }),
    );
  }
  return [container(items, { separator: true })];
}

function changesElements(
  changes: readonly string[] | null,
  since: ApprovalCardView['changesSince'] = null,
): CardElement[] {
  const heading =
    since === null
      ? 'What changed since the last round'
      : since.yours
        ? `What changed since you answered on version ${since.version}`
        : `What changed since version ${since.version}`;
  const title = text(heading, { weight: 'bolder', separator: true });
  if (changes === null)
    return [title, text('This is the first round.', { isSubtle: true, spacing: 'small' })];
  if (changes.length === 0) return [title, text('Nothing was listed.', { isSubtle: true, spacing: 'small' })];
  return [
    title,
    ...changes.map((change) => text(`• ${userText(change, LIMITS.change)}`, { spacing: 'small' })),
  ];
}

/** What an answer stands for, when it is not the whole plan as it is. */
function scopeElements(view: ApprovalCardView): CardElement[] {
  const scope = view.scope;
  if (!scope || scope.rule === 'any-change') return [];
  if (scope.rule === 'draft') {
    return [
      text(
        `An endorsement of the draft, version ${view.version}: later changes to the plan will not ask for it again.`,
        { weight: 'bolder', separator: true },
      ),
    ];
  }
  return [
    text(
      `Asked about: ${scope.covers.map((t) => userText(t, LIMITS.title)).join(', ')}. Changes to other sections will not ask for it again.`,
      { weight: 'bolder', separator: true },
    ),
  ];
}

function toFollowElements(awaited: NonNullable<ApprovalCardView['toFollow']>): CardElement[] {
  if (awaited.length === 0) return [];
  return [
    text('To follow', { weight: 'bolder', separator: true }),
    text('The plan goes ahead without these for now; the document shows where each will go.', {
      isSubtle: true,
      spacing: 'none',
    }),
    ...awaited.map((a) =>
      text(
        `• ${userText(a.title, LIMITS.title)}: awaited from ${userText(a.from, LIMITS.name)}${a.by ? ` by ${formatDate(a.by)}` : ''}`,
        { spacing: 'small' },
      ),
    ),
  ];
}

function refreshFor(view: ApprovalCardView): Refresh | undefined {
  if (view.state !== 'open') return undefined;
  // More than 60 and Teams refreshes nobody automatically in so large a chat, so the first 60 are listed
  // rather than none; they drop out as they answer and the updated card lists the next ones.
  const userIds = [...new Set(view.refreshUserIds)].slice(0, MAX_REFRESH_USERS);
  return {
    action: execute('Refresh', 'approval.refresh', {
      planId: view.planId,
      stageKey: view.stageKey,
      round: view.round,
    }),
    userIds,
  };
}

function approverActions(view: ApprovalCardView, onBehalfOf: PersonChoice | null): CardAction[] {
  const base = {
    planId: view.planId,
    stageKey: view.stageKey,
    round: view.round,
    versionHash: view.versionHash,
    ...(onBehalfOf === null ? {} : { onBehalfOf: onBehalfOf.id }),
  };
  return [
    execute(
      'Approve',
      'approval.respond',
      { ...base, decision: 'approve' },
      { associatedInputs: 'none', style: 'positive' },
    ),
    // The comment lives in its own ShowCard: an input on the main card would be gathered (and its
    // validation enforced) by every button, including Approve and Delegate.
    {
      type: 'Action.ShowCard',
      title: 'Request changes',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: INPUT_IDS.comment,
            label: 'What needs to change?',
            isMultiline: true,
            maxLength: COMMENT_MAX,
            isRequired: true,
            errorMessage: 'Say what needs to change.',
          },
        ],
        actions: [
          execute(
            'Send request for changes',
            'approval.respond',
            { ...base, decision: 'request-changes' },
            { associatedInputs: 'auto', style: 'destructive' },
          ),
        ],
      },
    },
  ];
}

function delegateAction(view: ApprovalCardView, deputies: readonly PersonChoice[]): CardAction {
  return {
    type: 'Action.ShowCard',
    title: 'Delegate',
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: INPUT_IDS.deputyId,
          label: 'Who answers for you?',
          placeholder: 'Choose a deputy',
          choices: deputies.map((deputy) => ({
            title: plainText(deputy.name, LIMITS.name),
            value: deputy.id,
          })),
          isRequired: true,
          errorMessage: 'Choose a deputy.',
        },
      ],
      actions: [
        execute(
          'Delegate',
          'approval.delegate',
          { planId: view.planId, stageKey: view.stageKey, round: view.round },
          { associatedInputs: 'auto' },
        ),
      ],
    },
  };
}

export function approvalCard(view: ApprovalCardView): AdaptiveCard {
  const body: CardElement[] = [text(`${KIND_LABELS[view.stageKind]} requested`, { isSubtle: true })];
  if (view.notice !== null) {
    body.push(
      container([text(userText(view.notice.text, LIMITS.guidance))], {
        style: NOTICE_STYLES[view.notice.tone],
      }),
    );
  }
  body.push(
    heading(userText(view.stageTitle, LIMITS.title)),
    text(userText(view.planTitle, LIMITS.title), { isSubtle: true, spacing: 'none' }),
    text(versionLabel(view.version, view.versionDate), { weight: 'bolder', spacing: 'small' }),
    facts([
      { title: 'Round', value: String(view.round) },
      { title: 'Rule', value: userText(view.rule, LIMITS.title) },
      { title: 'Status', value: STATE_LABELS[view.state] },
    ]),
    ...scopeElements(view),
    ...toFollowElements(view.toFollow ?? []),
    ...changesElements(view.changes, view.changesSince ?? null),
    ...tallyElements(view.tally),
  );
  if (view.state === 'open' && view.refreshUserIds.length > MAX_REFRESH_USERS) {
    body.push(
      text(
        `${plural(view.refreshUserIds.length, 'person is', 'people are')} yet to answer; the first ` +
          `${MAX_REFRESH_USERS} see their buttons now and the rest as others answer.`,
        { isSubtle: true },
      ),
    );
  }

  const actions: CardAction[] = [openUrl(`Open version ${view.version}`, view.documentUrl)];
  // Buttons only on an open stage: a closed one takes no more answers, whoever looks.
  if (view.viewer.kind === 'approver' && view.state === 'open') {
    const { onBehalfOf, deputies } = view.viewer;
    if (onBehalfOf !== null) {
      body.push(
        text(`You are answering for ${userText(onBehalfOf.name, LIMITS.name)}, who named you deputy.`, {
          weight: 'bolder',
          separator: true,
        }),
      );
    }
    actions.push(...approverActions(view, onBehalfOf));
    if (onBehalfOf === null && deputies.length > 0) actions.push(delegateAction(view, deputies));
  } else if (view.state === 'open') {
    body.push(
      text('Only the approvers’ answers count; anyone else who presses is told so.', {
        isSubtle: true,
        separator: true,
      }),
    );
    actions.push(...approverActions(view, null));
  }
  body.push(versionDetails(view.versionHash));
  return card(body, actions, refreshFor(view));
}

export interface StaleClick {
  readonly round: number;
  readonly versionHash: string;
}

/** A click on an older version's or round's card: nothing was recorded, and this is where things stand. */
export function staleApprovalCard(clicked: StaleClick, current: ApprovalCardView): AdaptiveCard {
  const was =
    clicked.versionHash === current.versionHash
      ? `round ${clicked.round}`
      : `round ${clicked.round} of an earlier version`;
  const now = `round ${current.round}, ${versionLabel(current.version, current.versionDate)}`;
  return approvalCard({
    ...current,
    notice: {
      tone: 'warning',
      text: `That card was for ${was}, which is out of date, so nothing was recorded. This is the current state: ${now}.`,
    },
  });
}
