/** Dates and names as people in an English council read them. */
import type { PeopleDto, PersonId, SectionStatus } from '../../shared/api.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

export const longDate = (isoDate: string | null): string =>
  isoDate ? dateFormat.format(new Date(`${isoDate}T00:00:00Z`)) : 'not set';

export const when = (instant: string | null): string =>
  instant ? dateTimeFormat.format(new Date(instant)) : '';

export const nameOf = (people: PeopleDto, id: PersonId | null): string =>
  id === null ? 'Nobody yet' : (people[id]?.displayName ?? 'Someone not in the directory');

export const STATUS_LABEL: Readonly<Record<SectionStatus, string>> = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  submitted: 'Submitted',
  accepted: 'Accepted',
  'changes-requested': 'Changes requested',
};

export const STATUS_COLOUR: Readonly<
  Record<SectionStatus, 'informative' | 'warning' | 'success' | 'danger' | 'subtle'>
> = {
  'not-started': 'subtle',
  drafting: 'informative',
  submitted: 'warning',
  accepted: 'success',
  'changes-requested': 'danger',
};

/** "Theme 2: How you plan to take advantage of technology…", or "Theme 2" where its name is not known. */
export const themeName = (theme: number, titles: Readonly<Record<number, string>>): string =>
  titles[theme] ? `Theme ${theme}: ${titles[theme]}` : `Theme ${theme}`;
