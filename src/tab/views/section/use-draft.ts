/**
 * Autosave for one section, with the states the editor shows: saved, unsaved, saving, retrying,
 * conflict, failed. It saves once typing pauses for a few seconds, and when the editor loses focus or the
 * writer leaves, but never more than once every N seconds (SharePoint charges every save against the
 * council's budget). Every save names the revision it started from. When someone else saved first the
 * server says so (409 with their version); autosave stops and the writer chooses how to merge: nothing
 * is written over their version. Nothing typed is lost on close: what is not yet saved is kept in the
 * browser and sent as the page goes away, and a copy that did not reach the server comes back next time.
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
import { DEFAULT_TIMING, nextSaveAt, type AutosaveTiming } from './autosave-policy.js';
import { localDrafts, type DraftStorage, type KeptDraft } from './kept-drafts.js';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'retrying' | 'conflict' | 'failed';

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

export { DEFAULT_TIMING, type AutosaveTiming } from './autosave-policy.js';

/** Waits before trying a save again after the server or network could not take it. */
const RETRY_MS = [5_000, 10_000, 20_000, 40_000, 60_000];

export interface Draft {
  readonly section: SectionDto;
  readonly content: RichText;
  /** Bumps when the editor must show new content (loaded, merged, brought back). */
  readonly generation: number;
  readonly answers: Readonly<Record<string, PromptAnswer | null>>;
  readonly figures: Readonly<Figures>;
  readonly state: SaveState;
  readonly savedAt: string | null;
  readonly error: unknown;
  readonly conflict: Conflict | null;
  /** True when text kept in this browser from an earlier visit was brought back. */
  readonly restored: boolean;
  setContent(content: RichText): void;
  setAnswer(questionId: string, answer: PromptAnswer | null): void;
  setFigure(key: string, value: number | null): void;
  resolve(choice: Resolution): void;
  /** Saves now and resolves when nothing is left unsaved (false if it could not be saved). */
  flush(): Promise<boolean>;
  /** The editor lost focus: save without waiting for the pause (still at most once per interval). */
  blurred(): void;
  retry(): void;
  replaceSection(section: SectionDto): void;
  /** The server changed the text itself (completed as "None"): show its text, with nothing left to save. */
  adopt(section: SectionDto): void;
}

export interface DraftOptions {
  readonly timing?: AutosaveTiming;
  /** Whose copy it is: browsers are shared (and local mode acts as several people in one). */
  readonly userId: string;
  readonly storage?: DraftStorage;
}

interface Start {
  readonly content: RichText;
  readonly answers: Answers;
  readonly figures: Figures;
  readonly conflict: Conflict | null;
  readonly restored: boolean;
}

/** What the editor opens with: the server's section, or the writer's copy kept from an earlier visit. */
function startFrom(initial: SectionDto, kept: KeptDraft | null): Start {
  const none: Start = { content: initial.content, answers: {}, figures: {}, conflict: null, restored: false };
  if (kept === null) return none;
  const sameAsServer =
    sameContent(kept.content, initial.content) &&
    Object.keys(kept.answers).length === 0 &&
    Object.keys(kept.figures).length === 0;
  if (sameAsServer) return none;
  if (kept.baseRevision === initial.revision) {
    return {
      content: kept.content,
      answers: kept.answers,
      figures: kept.figures,
      conflict: null,
      restored: true,
    };
  }
  // Someone saved since the copy was kept (perhaps the copy itself, as the page went away).
  if (sameContent(kept.content, initial.content)) return none;
  return {
    content: kept.content,
    answers: kept.answers,
    figures: kept.figures,
    conflict: { theirs: initial, mine: kept.content, base: kept.base },
    restored: true,
  };
}

export function useDraft(api: ApiClient, initial: SectionDto, options: DraftOptions): Draft {
  const timing = options.timing ?? DEFAULT_TIMING;
  const storage = useRef(options.storage ?? localDrafts()).current;
  const keyOf = (s: SectionDto): string => `${options.userId}/${s.planId}/${s.key}`;
  const [start] = useState(() => startFrom(initial, storage.read(keyOf(initial))));
  const [section, setSection] = useState(initial);
  const [content, setContentState] = useState<RichText>(start.content);
  const [generation, setGeneration] = useState(0);
  const [answers, setAnswers] = useState<Answers>(start.answers);
  const [figures, setFigures] = useState<Figures>(start.figures);
  const [state, setState] = useState<SaveState>(
    start.conflict ? 'conflict' : start.restored ? 'unsaved' : 'saved',
  );
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(start.conflict);

  // The save loop reads the latest values through refs; state drives what is shown.
  const latest = useRef({ section, content, answers, figures, conflict });
  latest.current = { section, content, answers, figures, conflict };
  const saved = useRef<RichText>(initial.content);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clock = useRef({
    /** When the last save was sent: the next may not go before minIntervalMs after it. */
    lastSaveAt: Number.NEGATIVE_INFINITY,
    /** When the oldest unsaved change was made: typing without a pause still saves after the interval. */
    dirtySince: null as number | null,
    lastChangeAt: 0,
    failures: 0,
  });

  const pending = (): boolean => {
    const now = latest.current;
    return (
      !sameContent(now.content, saved.current) ||
      Object.keys(now.answers).length > 0 ||
      Object.keys(now.figures).length > 0
    );
  };

  const keep = (): void => {
    const now = latest.current;
    if (!pending() && !now.conflict) {
      storage.remove(keyOf(now.section));
      return;
    }
    storage.write(keyOf(now.section), {
      baseRevision: now.conflict ? now.conflict.theirs.revision : now.section.revision,
      base: saved.current,
      content: now.content,
      answers: now.answers,
      figures: now.figures,
    });
  };

  const request = (): EditSectionRequest | null => {
    const now = latest.current;
    const contentChanged = !sameContent(now.content, saved.current);
    return {
      baseRevision: now.section.revision,
      ...(contentChanged ? { content: now.content } : {}),
      ...(Object.keys(now.answers).length > 0 ? { promptAnswers: now.answers } : {}),
      ...(Object.keys(now.figures).length > 0 ? { figures: now.figures } : {}),
    };
  };

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const now = latest.current;
    if (now.conflict) return false;
    if (!pending()) {
      setState('saved');
      return true;
    }
    if (!sameContent(now.content, saved.current)) {
      const valid = validateRichText(now.content);
      if (!valid.ok) {
        setError(new ApiError(400, 'VALIDATION', valid.error.message, valid.error.details, null));
        setState('failed');
        return false;
      }
    }
    const edit = request()!;
    clock.current.lastSaveAt = Date.now();
    setState('saving');
    try {
      const answer = await api.editSection(now.section.planId, now.section.key, edit);
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
      clock.current.failures = 0;
      clock.current.dirtySince = pending() ? clock.current.lastChangeAt : null;
      keep();
      setError(null);
      setSavedAt(new Date().toISOString());
      setState(pending() ? 'unsaved' : 'saved');
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'STALE_VERSION' && failure.details) {
        const details = failure.details as unknown as StaleSectionDetails;
        if (details.current) {
          const found = { theirs: details.current, mine: latest.current.content, base: saved.current };
          latest.current = { ...latest.current, conflict: found };
          setConflict(found);
          keep();
          setState('conflict');
          return false;
        }
      }
      setError(failure);
      if (
        failure instanceof ApiError &&
        (failure.code === 'UNAVAILABLE' || failure.code === 'NETWORK' || failure.code === 'TOO_MANY_REQUESTS')
      ) {
        // Kept in the browser meanwhile; tried again after a while, longer each time.
        const wait = RETRY_MS[Math.min(clock.current.failures, RETRY_MS.length - 1)]!;
        clock.current.failures += 1;
        setState('retrying');
        scheduleAt(Date.now() + Math.max(wait, (failure.retryAfterSeconds ?? 0) * 1000));
        return false;
      }
      setState('failed');
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

  const scheduleAt = (at: number): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(
      () => {
        timer.current = null;
        void save().then((ok) => {
          if (ok && pending() && !latest.current.conflict) schedule();
        });
      },
      Math.max(0, at - Date.now()),
    );
  };

  /** When the next save may go: after a pause (or at once), but never within the interval of the last. */
  const schedule = (pauseMs = timing.pauseMs): void => {
    scheduleAt(nextSaveAt(clock.current, timing, pauseMs));
  };

  /** Keeping the copy on every keystroke would be needless work; once a second is enough (and on leave). */
  const keepTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const keepSoon = (): void => {
    keepTimer.current ??= setTimeout(() => {
      keepTimer.current = null;
      keep();
    }, 1_000);
  };

  const changed = (): void => {
    const c = clock.current;
    c.lastChangeAt = Date.now();
    c.dirtySince ??= c.lastChangeAt;
    keepSoon();
    if (latest.current.conflict) return;
    // While retrying, the retry already scheduled sends whatever there is by then.
    if (c.failures > 0) return;
    setState(pending() ? 'unsaved' : 'saved');
    schedule();
  };

  useEffect(() => {
    // A copy brought back from an earlier visit is saved as soon as may be.
    if (start.restored && !start.conflict) schedule(0);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      if (keepTimer.current) clearTimeout(keepTimer.current);
      keep();
      // Leaving the section inside the tab: what is not saved yet goes now (and stays kept until it lands).
      if (pending() && !latest.current.conflict) void saveOnce();
    };
  }, []);

  useEffect(() => {
    // The page is going away (tab closed, Teams navigating): keep the copy, and send it while we can.
    const leave = (): void => {
      keep();
      const now = latest.current;
      if (!pending() || now.conflict || inFlight.current) return;
      const edit = request();
      if (edit) api.editSectionAsPageLeaves(now.section.planId, now.section.key, edit);
    };
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') leave();
    };
    const warn = (event: BeforeUnloadEvent): void => {
      if (pending()) event.preventDefault();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('beforeunload', warn);
    };
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
    restored: start.restored,
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
      keep();
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
    blurred() {
      if (pending() && !latest.current.conflict && clock.current.failures === 0) schedule(0);
    },
    retry: () => scheduleAt(Date.now()),
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
