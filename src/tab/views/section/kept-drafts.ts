/**
 * What a writer typed and has not yet seen saved, kept in this browser so that closing the tab, losing
 * the network or Teams reloading the frame loses nothing: the next visit brings it back and saves it (or
 * shows it beside the newer version, if someone saved in between).
 */
import { validateRichText, type RichText } from '../../../domain/sections/rich-text.js';
import type { PromptAnswer } from '../../../shared/api.js';

export interface KeptDraft {
  /** The revision the writer's copy started from. */
  readonly baseRevision: number;
  /** That revision's text, for a three-way merge if the section moved on. */
  readonly base: RichText;
  readonly content: RichText;
  readonly answers: Readonly<Record<string, PromptAnswer | null>>;
  readonly figures: Readonly<Record<string, number | null>>;
}

export interface DraftStorage {
  read(key: string): KeptDraft | null;
  write(key: string, draft: KeptDraft): void;
  remove(key: string): void;
}

const PREFIX = 'pb.draft/';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A kept copy that is not what this code wrote (another version, or tampered with) is ignored. */
function parse(text: string | null): KeptDraft | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value['baseRevision'] !== 'number') return null;
  const base = validateRichText(value['base']);
  const content = validateRichText(value['content']);
  if (!base.ok || !content.ok || !isRecord(value['answers']) || !isRecord(value['figures'])) return null;
  const figures: Record<string, number | null> = {};
  for (const [key, figure] of Object.entries(value['figures'])) {
    if (figure !== null && typeof figure !== 'number') return null;
    figures[key] = figure;
  }
  return {
    baseRevision: value['baseRevision'],
    base: base.value,
    content: content.value,
    answers: value['answers'] as KeptDraft['answers'],
    figures,
  };
}

/** The browser's localStorage; a full or disabled storage keeps nothing rather than failing the editor. */
export function localDrafts(): DraftStorage {
  const storage = (): Storage | null => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  };
  return {
    read: (key) => {
      try {
        return parse(storage()?.getItem(PREFIX + key) ?? null);
      } catch {
        return null;
      }
    },
    write: (key, draft) => {
      try {
        storage()?.setItem(PREFIX + key, JSON.stringify(draft));
      } catch {
        // Over quota or blocked: the draft is still in the editor and saved to the server as usual.
      }
    },
    remove: (key) => {
      try {
        storage()?.removeItem(PREFIX + key);
      } catch {
        // As above.
      }
    },
  };
}
