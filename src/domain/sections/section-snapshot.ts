/**
 * The text of each section as a version showed it, kept beside the frozen Word and HTML of that version,
 * so that people asked again can read what changed since they approved, word by word. Plain text: the
 * paragraphs, list items and table rows in reading order, the figures as "label: value" lines, and a
 * section still to follow as its placeholder.
 */
import { longDate } from '../wording/dates.js';
import { formatFigure } from '../wording/numbers.js';
import type { Plan, Section } from '../plan/plan.js';
import { toFollowText } from './contribution.js';
import { plainText } from './rich-text.js';
import { diffText, type DiffPart } from './text-diff.js';

export interface SectionSnapshot {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

export interface VersionSnapshot {
  readonly planId: string;
  readonly version: number;
  readonly hash: string;
  readonly sections: readonly SectionSnapshot[];
}

export function sectionText(section: Section): string {
  if (section.toFollow !== null) return toFollowText(section, longDate);
  const figures = section.definition.figureFields.flatMap((field) => {
    if (field.kind !== 'entered') return [];
    const value = section.figures[field.key];
    return typeof value === 'number' ? [`${field.label}: ${formatFigure(value, field.unit)}`] : [];
  });
  return [plainText(section.content), ...figures].filter((line) => line !== '').join('\n');
}

export function versionSnapshot(plan: Plan, version: number, hash: string): VersionSnapshot {
  return {
    planId: plan.id,
    version,
    hash,
    sections: plan.sections.map((s) => ({
      key: s.definition.key,
      title: s.definition.title,
      text: sectionText(s),
    })),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A snapshot read back from the library, checked field by field; null if it is not one. */
export function parseVersionSnapshot(value: unknown): VersionSnapshot | null {
  if (!isRecord(value)) return null;
  const { planId, version, hash, sections } = value;
  if (typeof planId !== 'string' || typeof hash !== 'string') return null;
  if (typeof version !== 'number' || !Number.isInteger(version) || !Array.isArray(sections)) return null;
  const parsed: SectionSnapshot[] = [];
  for (const s of sections) {
    if (
      !isRecord(s) ||
      typeof s.key !== 'string' ||
      typeof s.title !== 'string' ||
      typeof s.text !== 'string'
    )
      return null;
    parsed.push({ key: s.key, title: s.title, text: s.text });
  }
  return { planId, version, hash, sections: parsed };
}

export interface SectionChange {
  readonly key: string;
  readonly title: string;
  /** Null when the earlier text is not known. */
  readonly diff: readonly DiffPart[] | null;
}

/** The given sections' changes from the snapshot to the plan as it is. */
export function sectionChanges(
  plan: Plan,
  keys: readonly string[],
  before: VersionSnapshot | null,
): SectionChange[] {
  return plan.sections
    .filter((s) => keys.includes(s.definition.key))
    .map((s) => {
      const earlier = before?.sections.find((b) => b.key === s.definition.key);
      return {
        key: s.definition.key,
        title: s.definition.title,
        diff: before === null ? null : diffText(earlier?.text ?? '', sectionText(s)),
      };
    });
}
