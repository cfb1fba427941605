/** A section still awaited prints as "To follow: awaited from … by …", never as a silent gap. */
import type { Section } from '../plan/plan.js';
import { toFollowText } from '../sections/contribution.js';
import { longDate } from '../wording/dates.js';

/** The placeholder text for a section still to follow; null for the others. */
export const awaited = (section: Section | undefined): string | null =>
  section?.toFollow ? toFollowText(section, longDate) : null;
