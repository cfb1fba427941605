/** How dates, counts and people read on cards: British English, as the councils write. */
import type { IsoDate, SectionStatus } from '../domain/plan/plan.js';
import { isIsoDate } from '../domain/dates/calendar.js';
import { formatDate as formatIsoDate } from '../domain/wording/dates.js';
import { markdownSafe } from './escape.js';

/** `2024-07-23` → `Tue 23 July 2024`; anything else is shown as given, made markdown-safe. */
export const formatDate = (date: IsoDate): string =>
  isIsoDate(date) ? formatIsoDate(date) : markdownSafe(date);

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

export const SECTION_STATUS_LABELS: Readonly<Record<SectionStatus, string>> = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  submitted: 'Submitted',
  accepted: 'Accepted',
  'changes-requested': 'Changes requested',
};

/** Upper bounds for user text on cards, so a long value cannot push a card past Teams' message size. */
export const LIMITS = {
  title: 200,
  name: 100,
  comment: 500,
  guidance: 1500,
  question: 500,
  change: 300,
  command: 100,
} as const;
