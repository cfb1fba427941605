/**
 * KPI check-ins in Teams: the cards the schedule sends (to owners, and the overdue digest to the plan
 * lead), and the `kpi.checkin` action that records a value from the card. As with approvals, the actor
 * is `from.aadObjectId`, never anything in the card's data; the use case re-reads the KPI and its plan,
 * and a second click with the same answer records nothing and says so.
 */
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { card, heading, text } from '../../cards/elements.js';
import { userText } from '../../cards/escape.js';
import {
  kpiCheckInCard,
  kpiCheckInRecordedCard,
  kpiEscalationCard,
  type CheckInInputs,
  type KpiCard,
  type KpiCheckInView,
  type Notice,
} from '../../cards/kpi-cards.js';
import { daysOverdue } from '../../cards/plan-view-models.js';
import type { ParsedPayloads } from '../../cards/verbs.js';
import { recordCheckIn } from '../../app/kpis/check-ins.js';
import type { KpiDeps } from '../../app/kpis/kit.js';
import { longDate } from '../../domain/wording/dates.js';
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import {
  defaultCheckInPolicy,
  dueByOf,
  type CheckInPolicy,
  type CheckInsDue,
} from '../../domain/kpis/check-ins.js';
import { describeMeasurement, formatKpiValue, type Kpi, type KpiValue } from '../../domain/kpis/kpi.js';
import { periodFromKey, type Period } from '../../domain/kpis/periods.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { deriveRag, latestValue } from '../../domain/kpis/rag.js';
import type { KpiNotificationComposer } from '../../ports/kpi-notifications.js';
import type { OutgoingMessage } from '../../ports/outbox.js';
import type { ActionPipeline } from './action-pipeline.js';
import type { TabLinks } from './links.js';
import type { PeopleNames } from './people-names.js';

/** Where a KPI opens in the tab (the tab routes `#/plans/<plan>/kpis/<kpi>`). */
export const kpiUrl = (links: TabLinks, planId: string, kpiId: string): string => links.kpi(planId, kpiId);

const json = (value: KpiCard): Record<string, unknown> => value as unknown as Record<string, unknown>;
const asCardJson = (value: KpiCard): CardJson => value as unknown as CardJson;

function messageCard(
  title: string,
  body: string,
  tone: 'good' | 'attention' | 'default' = 'default',
): CardJson {
  return card([
    heading(userText(title, 200)),
    text(userText(body, 2000), { color: tone }),
  ]) as unknown as CardJson;
}

const UNIT_SUFFIX: Readonly<Record<Kpi['unit'], string>> = {
  'currency-gbp': '£',
  count: 'a count',
  hours: 'hours',
  percent: '%',
  number: 'a number',
};

function inputsFor(kpi: Kpi, period: Period): CheckInInputs {
  if (kpi.share) {
    const suffix = UNIT_SUFFIX[kpi.share.unit];
    return {
      kind: 'share',
      partLabel: `${kpi.share.partLabel} for ${period.label} (${suffix})`,
      wholeLabel: `${kpi.share.wholeLabel} for ${period.label} (${suffix})`,
    };
  }
  return {
    kind: 'value',
    label: `Value for ${period.label} (${UNIT_SUFFIX[kpi.unit]})`,
    min: kpi.unit === 'number' ? null : 0,
    max: kpi.unit === 'percent' ? 100 : null,
  };
}

export interface CheckInCardOptions {
  readonly timing: 'due' | 'overdue';
  readonly dueBy: string;
  readonly notice?: Notice | null;
  readonly entered?: KpiCheckInView['entered'];
}

/** The view of a check-in card for a KPI and period, as things stand. */
export function checkInView(
  plan: Plan,
  kpi: Kpi,
  values: readonly KpiValue[],
  period: Period,
  links: TabLinks,
  options: CheckInCardOptions,
): KpiCheckInView {
  const latest = latestValue(kpi.id, values, period.start);
  return {
    planId: plan.id,
    planTitle: plan.title,
    kpiId: kpi.id,
    kpiName: kpi.name,
    definition: kpi.definition,
    periodKey: period.key,
    periodLabel: period.label,
    dueBy: options.dueBy,
    timing: options.timing,
    inputs: inputsFor(kpi, period),
    baseline: `${describeMeasurement(kpi, kpi.baseline)} (${longDate(kpi.baseline.date)})`,
    target: `${formatKpiValue(kpi.target.value, kpi.unit)} by ${longDate(kpi.target.date)}`,
    latest:
      latest === null
        ? null
        : {
            periodLabel: periodFromKey(latest.periodKey)?.label ?? latest.periodKey,
            value: describeMeasurement(kpi, latest.measurement),
          },
    kpiUrl: kpiUrl(links, plan.id, kpi.id),
    notice: options.notice ?? null,
    entered: options.entered ?? null,
  };
}

/** The messages the check-in schedule sends: cards to owners, the digest to the plan lead. */
export class KpiCheckInComposer implements KpiNotificationComposer {
  constructor(
    private readonly names: PeopleNames,
    private readonly links: TabLinks,
  ) {}

  async forCheckIns(
    plan: Plan,
    kpis: readonly Kpi[],
    values: readonly KpiValue[],
    due: CheckInsDue,
    now: string,
  ): Promise<readonly OutgoingMessage[]> {
    const byId = new Map(kpis.map((k) => [k.id, k]));
    const message = (key: string, userId: PersonId, textLine: string, body: KpiCard): OutgoingMessage => ({
      key,
      planId: plan.id,
      recipient: { kind: 'user', userId },
      text: textLine,
      card: json(body),
      replacesKey: null,
      notBefore: now,
      live: null,
    });
    const out: OutgoingMessage[] = [];
    for (const request of due.requests) {
      const kpi = byId.get(request.kpiId);
      if (!kpi) continue;
      const view = checkInView(plan, kpi, values, request.period, this.links, {
        timing: request.kind,
        dueBy: request.dueBy,
      });
      const lead = request.kind === 'overdue' ? 'Overdue: the value' : 'The value';
      out.push(
        message(
          request.key,
          request.ownerId,
          `${lead} of "${kpi.name}" for ${request.period.label} is due by ${request.dueBy}`,
          kpiCheckInCard(view),
        ),
      );
    }
    if (due.escalation) {
      const owners = await this.names.names([...new Set(due.escalation.overdue.map((o) => o.ownerId))]);
      const today = now.slice(0, 10);
      const body = kpiEscalationCard({
        planTitle: plan.title,
        planUrl: this.links.kpis(plan.id),
        overdue: due.escalation.overdue.map((o) => ({
          kpiName: byId.get(o.kpiId)?.name ?? o.kpiId,
          ownerName: owners[o.ownerId] ?? 'Someone not in the directory',
          periodLabel: o.period.label,
          dueBy: o.dueBy,
          daysOverdue: daysOverdue(o.dueBy, today) ?? 0,
        })),
      });
      out.push(
        message(
          due.escalation.key,
          due.escalation.leadId,
          `${due.escalation.overdue.length} KPI check-in(s) of "${plan.title}" are overdue`,
          body,
        ),
      );
    }
    return out;
  }
}

export interface KpiBotDeps {
  readonly kpis: KpiDeps;
  readonly names: PeopleNames;
  readonly links: TabLinks;
  readonly calendar: BankHolidayCalendar;
  readonly policy?: CheckInPolicy;
}

/** Registers the `kpi.checkin` button on the bot's one Action.Execute pipeline. */
export function registerKpiCheckins(pipeline: ActionPipeline, deps: KpiBotDeps): void {
  pipeline.route('kpi.checkin', async ({ actor }, data) => ({ card: await answer(deps, actor, data) }));
}

async function answer(
  deps: KpiBotDeps,
  actor: PersonId,
  data: ParsedPayloads['kpi.checkin'],
): Promise<CardJson> {
  const result = await recordCheckIn(
    deps.kpis,
    {
      kpiId: data.kpiId,
      periodKey: data.periodKey,
      reading: { value: data.value, part: data.part, whole: data.whole },
      commentary: data.comment,
    },
    { id: actor },
    data.planId,
  );
  if (result.ok) {
    const { plan, kpi, value, changed } = result.value;
    return recordedCard(deps, plan, kpi, value, {
      tone: changed ? 'good' : 'info',
      text: changed ? 'Recorded. Thank you.' : 'This value was already recorded; nothing changed.',
    });
  }
  const error = result.error;
  if (error.code === 'ALREADY_RESPONDED' || error.code === 'VALIDATION') {
    const kpi = await deps.kpis.kpis.kpi(data.kpiId);
    const loaded = kpi ? await deps.kpis.plans.load(kpi.item.planId) : null;
    if (kpi && loaded?.ok) {
      const existing = error.details?.['value'] as KpiValue | undefined;
      if (error.code === 'ALREADY_RESPONDED' && existing)
        return recordedCard(deps, loaded.value.plan, kpi.item, existing, {
          tone: 'warning',
          text: error.message,
        });
      const period = periodFromKey(data.periodKey);
      if (error.code === 'VALIDATION' && period && period.frequency === kpi.item.frequency) {
        const dueBy = dueByOf(period, deps.calendar, deps.policy ?? defaultCheckInPolicy);
        const values = (await deps.kpis.kpis.forPlan(kpi.item.planId)).values.map((v) => v.item);
        const view = checkInView(loaded.value.plan, kpi.item, values, period, deps.links, {
          timing: deps.kpis.clock.now().slice(0, 10) > dueBy ? 'overdue' : 'due',
          dueBy,
          notice: { tone: 'warning', text: error.message },
          entered: { value: data.value, part: data.part, whole: data.whole, comment: data.comment },
        });
        return asCardJson(kpiCheckInCard(view));
      }
    }
  }
  return messageCard('Nothing was recorded', error.message, 'attention');
}

async function recordedCard(
  deps: KpiBotDeps,
  plan: Plan,
  kpi: Kpi,
  value: KpiValue,
  notice: Notice,
): Promise<CardJson> {
  const rag = deriveRag({
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    actual: { value: value.measurement.value, date: value.asOf },
  });
  return asCardJson(
    kpiCheckInRecordedCard({
      planTitle: plan.title,
      kpiName: kpi.name,
      periodLabel: periodFromKey(value.periodKey)?.label ?? value.periodKey,
      value: describeMeasurement(kpi, value.measurement),
      commentary: value.commentary,
      rag: rag.status,
      recordedByName: await deps.names.name(value.recordedBy),
      recordedOn: value.recordedAt.slice(0, 10),
      kpiUrl: kpiUrl(deps.links, plan.id, kpi.id),
      notice,
    }),
  );
}
