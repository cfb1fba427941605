/** Every card the bot can send: the plan cards (all-cards.ts) and the KPI cards, each in its variants. */
import {
  kpiCheckInCard,
  kpiCheckInRecordedCard,
  kpiEscalationCard,
} from '../../../../src/cards/kpi-cards.js';
import { allCards } from './all-cards.js';
import { checkInView, kpiEscalationView, recordedView, shareCheckInView } from './kpi-views.js';

export function kpiCards(text: (s: string) => string = (s) => s): [string, unknown][] {
  return [
    ['check-in, one value', kpiCheckInCard(checkInView(text))],
    ['check-in, a share, overdue, after a refusal', kpiCheckInCard(shareCheckInView(text))],
    ['check-in recorded', kpiCheckInRecordedCard(recordedView(text))],
    [
      'check-in already recorded, no status',
      kpiCheckInRecordedCard({ ...recordedView(text), rag: 'none', commentary: null }),
    ],
    ['overdue escalation', kpiEscalationCard(kpiEscalationView(text))],
  ];
}

export function everyCard(text: (s: string) => string = (s) => s): [string, unknown][] {
  return [...allCards(text), ...kpiCards(text)];
}
