/**
 * How a section's text arrives, beyond one owner writing it: "to follow" (the plan goes ahead without it
 * where a stage allows), from outside the council (an officer chases and enters it), or from joint authors
 * (each must agree before it counts as submitted).
 */
import { DEFAULT_NONE_TEXT } from '../plan/create-plan.js';
import type { OutsideParty, PersonId, Plan, Section } from '../plan/plan.js';

/** Still awaited: the document shows a "To follow" placeholder in its place. */
export function isToFollow(section: Section): boolean {
  return section.toFollow !== null;
}

export function sectionsToFollow(plan: Plan): Section[] {
  return plan.sections.filter(isToFollow);
}

/** The people who must each agree: owner and contributors for a joint section, else the owner alone. */
export function authorsOf(section: Section): PersonId[] {
  const owner = section.ownerId === null ? [] : [section.ownerId];
  return section.jointAuthors ? [...new Set([...owner, ...section.contributorIds])] : owner;
}

/** Joint authors who have not agreed to the text as it now stands; empty for a single-owner section. */
export function outstandingAuthors(section: Section): PersonId[] {
  if (!section.jointAuthors) return [];
  return authorsOf(section).filter(
    (id) => !section.agreements.some((a) => a.authorId === id && a.revision === section.revision),
  );
}

export function hasAgreed(section: Section, personId: PersonId): boolean {
  return section.agreements.some((a) => a.authorId === personId && a.revision === section.revision);
}

/**
 * The council's standard wording for "none" where a section may be completed with it in one step: every
 * implications paragraph (the format's wording, else "None."), and any section whose definition gives one.
 */
export function noneWording(section: Section): string | null {
  const { definition } = section;
  if (definition.noneText !== undefined) return definition.noneText;
  return definition.part === 'implications' ? DEFAULT_NONE_TEXT : null;
}

/** An optional section left empty and not awaited: the document leaves it out. */
export function isNotIncluded(section: Section): boolean {
  return !section.definition.required && section.content.length === 0 && section.toFollow === null;
}

/** "To follow: awaited from the Leader of the Council by 3 July 2024." — `date` formats the day. */
export function toFollowText(section: Section, date: (day: string) => string): string {
  const awaited = section.toFollow;
  if (awaited === null) return '';
  return `To follow: awaited from ${awaited.from}${awaited.by ? ` by ${date(awaited.by)}` : ''}.`;
}

export const MAX_PARTY_CHARS = 255;
export const MAX_EMAIL_CHARS = 254;
const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\]]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The outside party as typed, trimmed and checked; a message naming the field that is wrong otherwise. */
export function checkOutsideParty(party: {
  readonly organisation: string;
  readonly contactName: string;
  readonly email: string | null;
}): { ok: true; value: OutsideParty } | { ok: false; field: string; message: string } {
  const organisation = party.organisation.trim();
  const contactName = party.contactName.trim();
  const email = party.email?.trim() || null;
  for (const [field, label, value] of [
    ['organisation', 'the organisation', organisation],
    ['contactName', 'the contact', contactName],
  ] as const) {
    if (value === '') return { ok: false, field, message: `Name ${label} the text is awaited from.` };
    if (value.length > MAX_PARTY_CHARS || CONTROL.test(value))
      return {
        ok: false,
        field,
        message: `Keep ${label}'s name to one line under ${MAX_PARTY_CHARS} characters.`,
      };
  }
  if (email !== null && (email.length > MAX_EMAIL_CHARS || !EMAIL.test(email)))
    return { ok: false, field: 'email', message: `"${email.slice(0, 60)}" is not an e-mail address.` };
  return { ok: true, value: { organisation, contactName, email } };
}

/** "Durham County Chief Executives' Group (Jane Smith, jane@example.org)", for the audit and cards. */
export function describeParty(party: OutsideParty): string {
  return `${party.organisation} (${party.contactName}${party.email ? `, ${party.email}` : ''})`;
}
