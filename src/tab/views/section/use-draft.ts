/**
 * Autosave for one section, with the states the editor shows: saved, unsaved, saving, conflict, failed.
 * Every save names the revision it started from. When someone else saved first the server says so
 * (409 with their version); autosave stops and the writer chooses how to merge: nothing is written
 * over their version, and nothing the writer typed is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { validateRichText, type RichText } from '../../../domain/sections/rich-text.js';
import type {
  EditSectionRequest,
  PromptAnswer,
  SectionDto,
  StaleSectionDetails,
} from '../../../shared/api.js';
import { ApiError, type ApiClient } from '../../api/client.js';
import { mergeContent, sameContent } from '../../rich-text/merge.js';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

export interface Conflict {
  readonly theirs: SectionDto;
  /** What the writer had when the conflict was found (the editor keeps what they type after). */
  readonly mine: RichText;
  /** What the writer's copy started from: the last version they saved or loaded. */
  readonly base: RichText;
}

export type Resolution = 'merge' | 'theirs' | 'mine';

type Answers = Record<string, PromptAnswer | null>;
type Figures = Record<string, number | null>;

const AUTOSAVE_MS = 1_000;

export interface Draft {
  readonly section: SectionDto;
  readonly content: RichText;
  /** Bumps when the editor must show new content (loaded, merged). */
  readonly generation: number;
  readonly answers: Readonly<Record<string, PromptAnswer | null>>;
  readonly figures: Readonly<Figures>;
  readonly state: SaveState;
  readonly savedAt: string | null;
  readonly error: unknown;
  readonly conflict: Conflict | null;
  setContent(content: RichText): void;
  setAnswer(questionId: string, answer: PromptAnswer | null): void;
  setFigure(key: string, value: number | null): void;
  resolve(choice: Resolution): void;
  /** Saves now and resolves when nothing is left unsaved (false if it could not be saved). */
  flush(): Promise<boolean>;
  retry(): void;
  replaceSection(section: SectionDto): void;
  /** The server changed the text itself (completed as "None"): show its text, with nothing left to save. */
  adopt(section: SectionDto): void;
}

export function useDraft(api: ApiClient, initial: SectionDto): Draft {
  const [section, setSection] = useState(initial);
  const [content, setContentState] = useState<RichText>(initial.content);
  const [generation, setGeneration] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [figures, setFigures] = useState<Figures>({});
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // The save loop reads the latest values through refs; state drives what is shown.
  const latest = useRef({ section, content, answers, figures, conflict });
  latest.current = { section, content, answers, figures, conflict };
  const saved = useRef<RichText>(initial.content);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const pending = (): boolean => {
    const now = latest.current;
    return (
      !sameContent(now.content, saved.current) ||
      Object.keys(now.answers).length > 0 ||
      Object.keys(now.figures).length > 0
    );
  };

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const now = latest.current;
    if (now.conflict) return false;
    if (!pending()) {
      setState('saved');
      return true;
    }
    const contentChanged = !sameContent(now.content, saved.current);
    if (contentChanged) {
      const valid = validateRichText(now.content);
      if (!valid.ok) {
        setError(new ApiError(400, 'VALIDATION', valid.error.message, valid.error.details, null));
        setState('failed');
        return false;
      }
    }
    const request: EditSectionRequest = {
      baseRevision: now.section.revision,
      ...(contentChanged ? { content: now.content } : {}),
      ...(Object.keys(now.answers).length > 0 ? { promptAnswers: now.answers } : {}),
      ...(Object.keys(now.figures).length > 0 ? { figures: now.figures } : {}),
    };
    setState('saving');
    try {
      const answer = await api.editSection(now.section.planId, now.section.key, request);
      saved.current = now.content;
      setSection(answer);
      // Only what was sent is settled; anything typed meanwhile is still to save.
      setAnswers((current) => withoutSent(current, now.answers));
      setFigures((current) => withoutSent(current, now.figures));
      latest.current = {
        ...latest.current,
        section: answer,
        answers: withoutSent(latest.current.answers, now.answers),
        figures: withoutSent(latest.current.figures, now.figures),
      };
      setError(null);
      setSavedAt(new Date().toISOString());
      setState(pending() ? 'unsaved' : 'saved');
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'STALE_VERSION' && failure.details) {
        const details = failure.details as unknown as StaleSectionDetails;
        if (details.current) {
          setConflict({ theirs: details.current, mine: latest.current.content, base: saved.current });
          setState('conflict');
          return false;
        }
      }
      setError(failure);
      setState('failed');
      if (failure instanceof ApiError && (failure.code === 'UNAVAILABLE' || failure.code === 'NETWORK')) {
        schedule((failure.retryAfterSeconds ?? 5) * 1000);
      }
      return false;
    }
  }, [api]);

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const run = saveOnce();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  const schedule = (delay = AUTOSAVE_MS) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save().then((ok) => {
        if (ok && pending() && !latest.current.conflict) schedule();
      });
    }, delay);
  };

  const changed = () => {
    if (latest.current.conflict) return;
    setState(pending() ? 'unsaved' : 'saved');
    schedule();
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  });

  return {
    section,
    content,
    generation,
    answers,
    figures,
    state,
    savedAt,
    error,
    conflict,
    setContent(next) {
      latest.current = { ...latest.current, content: next };
      setContentState(next);
      changed();
    },
    setAnswer(questionId, answer) {
      const next = { ...latest.current.answers, [questionId]: answer };
      latest.current = { ...latest.current, answers: next };
      setAnswers(next);
      changed();
    },
    setFigure(key, value) {
      const next = { ...latest.current.figures, [key]: value };
      latest.current = { ...latest.current, figures: next };
      setFigures(next);
      changed();
    },
    resolve(choice) {
      const found = latest.current.conflict;
      if (!found) return;
      // What the writer has now, including anything typed while the conflict was on screen.
      const mine = latest.current.content;
      const merged =
        choice === 'merge'
          ? mergeContent(found.base, found.theirs.content, mine)
          : choice === 'theirs'
            ? found.theirs.content
            : mine;
      saved.current = found.theirs.content;
      const keptAnswers = choice === 'theirs' ? {} : latest.current.answers;
      const keptFigures = choice === 'theirs' ? {} : latest.current.figures;
      latest.current = {
        section: found.theirs,
        content: merged,
        answers: keptAnswers,
        figures: keptFigures,
        conflict: null,
      };
      setSection(found.theirs);
      setContentState(merged);
      setAnswers(keptAnswers);
      setFigures(keptFigures);
      setConflict(null);
      setGeneration((g) => g + 1);
      setState(pending() ? 'unsaved' : 'saved');
      if (pending()) schedule(0);
    },
    flush: async () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      if (latest.current.conflict) return false;
      return save();
    },
    retry: () => schedule(0),
    replaceSection(next) {
      latest.current = { ...latest.current, section: next };
      setSection(next);
    },
    adopt(next) {
      saved.current = next.content;
      latest.current = { ...latest.current, section: next, content: next.content };
      setSection(next);
      setContentState(next.content);
      setGeneration((g) => g + 1);
      setState('saved');
    },
  };
}

function withoutSent<T>(current: Record<string, T>, sent: Record<string, T>): Record<string, T> {
  const rest: Record<string, T> = {};
  for (const [key, value] of Object.entries(current)) if (sent[key] !== value) rest[key] = value;
  return rest;
}
