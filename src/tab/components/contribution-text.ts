/** How a section's text arrives, in words for the dashboard and the editor. */
import type { ContributionDto, PeopleDto, PersonId } from '../../shared/api.js';
import { longDate, nameOf } from './display-text.js';

/** "Ann and Bob", "Ann, Bob and Cy". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function namesOf(people: PeopleDto, ids: readonly PersonId[]): string {
  return listOf(ids.map((id) => nameOf(people, id)));
}

/** Who writes the section: the owner (and how many others), an outside party, or joint authors by name. */
export function writtenBy(
  people: PeopleDto,
  section: { ownerId: PersonId | null; contributorIds: readonly PersonId[]; contribution: ContributionDto },
): string {
  const { outsideParty, jointAuthors } = section.contribution;
  if (outsideParty) {
    return `Awaited from ${outsideParty.organisation} (chased by ${nameOf(people, section.ownerId)})`;
  }
  if (jointAuthors)
    return `${namesOf(
      people,
      jointAuthors.map((a) => a.id),
    )} (joint authors)`;
  const others = section.contributorIds.length;
  return `${nameOf(people, section.ownerId)}${others > 0 ? ` + ${others}` : ''}`;
}

/** For joint authors: who has still to agree to the text as it stands; null when nobody is waited for. */
export function stillToAgree(people: PeopleDto, contribution: ContributionDto): string | null {
  const outstanding = (contribution.jointAuthors ?? []).filter((a) => !a.agreed).map((a) => a.id);
  return outstanding.length === 0 ? null : namesOf(people, outstanding);
}

export function toFollowLine(contribution: ContributionDto): string | null {
  const awaited = contribution.toFollow;
  if (!awaited) return null;
  return `To follow: awaited from ${awaited.from}${awaited.by ? ` by ${longDate(awaited.by)}` : ''}`;
}
