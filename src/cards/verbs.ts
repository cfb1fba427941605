/**
 * The Action.Execute verbs and their data, declared once for the cards that send them and the router that
 * receives them. What comes back says only which button was clicked: the bot takes identity from the
 * activity and authority from the plan it re-reads, never from here.
 *
 * Plain narrowing rather than zod, because cards may import nothing outside src/cards, src/domain and
 * src/shared (dependency-cruiser `cards-are-pure`).
 */
import { isPeriodKey } from '../domain/kpis/periods.js';
import type { PersonId, ResponseDecision } from '../domain/plan/plan.js';
import type { Result } from '../domain/support/result.js';

export const VERBS = [
  'approval.respond',
  'approval.delegate',
  'approval.refresh',
  'section.submit',
  'kpi.checkin',
  'section.none',
  'chat.bind',
  'plan.status',
] as const;
export type Verb = (typeof VERBS)[number];

/** Input ids on the cards; their values arrive merged into the action data. */
export const INPUT_IDS = {
  comment: 'comment',
  deputyId: 'deputyId',
  value: 'value',
  part: 'part',
  whole: 'whole',
} as const;
export const COMMENT_MAX = 2000;

interface StageRef {
  readonly planId: string;
  readonly stageKey: string;
  readonly round: number;
}

/** What each verb's button carries in its `data`. */
export interface ActionPayloads {
  readonly 'approval.respond': StageRef & {
    readonly versionHash: string;
    readonly decision: ResponseDecision;
    /** Set on a deputy's buttons: the approver they answer for (the bot checks the delegation). */
    readonly onBehalfOf?: PersonId;
  };
  readonly 'approval.delegate': StageRef;
  readonly 'approval.refresh': StageRef;
  readonly 'section.submit': {
    readonly planId: string;
    readonly sectionKey: string;
    readonly revision: number;
  };
  readonly 'kpi.checkin': {
    readonly planId: string;
    readonly kpiId: string;
    readonly periodKey: string;
  };
  /** Complete a section as the council's standard "None" and submit it (the revision the card showed). */
  readonly 'section.none': {
    readonly planId: string;
    readonly sectionKey: string;
    readonly revision: number;
  };
  /** "Use this chat for <plan>'s management team", on the welcome card; the chat is the one clicked in. */
  readonly 'chat.bind': { readonly planId: string };
  /** One plan's status, from the choice `status` gives someone in several plans. */
  readonly 'plan.status': { readonly planId: string };
}

/** What the router gets: the button's data with the card's inputs merged in, normalised. */
export interface ParsedPayloads {
  readonly 'approval.respond': StageRef & {
    readonly versionHash: string;
    readonly decision: ResponseDecision;
    readonly onBehalfOf: PersonId | null;
    /** Required (non-blank) to request changes; null when an approval carries none. */
    readonly comment: string | null;
  };
  readonly 'approval.delegate': StageRef & { readonly deputyId: PersonId };
  readonly 'approval.refresh': StageRef;
  readonly 'section.submit': ActionPayloads['section.submit'];
  readonly 'section.none': ActionPayloads['section.none'];
  readonly 'kpi.checkin': ActionPayloads['kpi.checkin'] & {
    /** The value typed, or for a share its part and whole; null where an input was left empty. */
    readonly value: number | null;
    readonly part: number | null;
    readonly whole: number | null;
    /** The owner's commentary; null when blank. */
    readonly comment: string | null;
  };
  readonly 'chat.bind': ActionPayloads['chat.bind'];
  readonly 'plan.status': ActionPayloads['plan.status'];
}

export type ParsedAction = { [V in Verb]: { readonly verb: V; readonly data: ParsedPayloads[V] } }[Verb];

export type ActionDataErrorCode = 'UNKNOWN_VERB' | 'INVALID_DATA';

export interface ActionDataError {
  readonly code: ActionDataErrorCode;
  readonly verb: string;
  readonly message: string;
  /** One line per problem, `field: what is wrong`. */
  readonly issues: readonly string[];
}

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (VERBS as readonly string[]).includes(value);
}

// --- field readers: each returns the value or records an issue and returns undefined ---

type Fields = Readonly<Record<string, unknown>>;

class Reader {
  readonly issues: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly fields: Fields) {}

  private take(name: string): unknown {
    this.seen.add(name);
    return Object.hasOwn(this.fields, name) ? this.fields[name] : undefined;
  }

  /** Identifiers and keys: non-empty, bounded, no control characters or surrounding space. */
  id(name: string, max = 200): string | undefined {
    const value = this.take(name);
    if (typeof value !== 'string' || value.length === 0 || value.length > max) {
      this.issues.push(`${name}: must be a non-empty string of at most ${max} characters`);
      return undefined;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value) || value.trim() !== value) {
      this.issues.push(`${name}: must not contain control characters or surrounding spaces`);
      return undefined;
    }
    return value;
  }

  optionalId(name: string): string | null | undefined {
    if (!Object.hasOwn(this.fields, name)) {
      this.seen.add(name);
      return null;
    }
    return this.id(name);
  }

  int(name: string, min: number): number | undefined {
    const value = this.take(name);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.issues.push(`${name}: must be an integer of at least ${min}`);
      return undefined;
    }
    return value;
  }

  hash(name: string): string | undefined {
    const value = this.take(name);
    if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
      this.issues.push(`${name}: must be a SHA-256 hash in lower-case hex`);
      return undefined;
    }
    return value;
  }

  decision(name: string): ResponseDecision | undefined {
    const value = this.take(name);
    if (value !== 'approve' && value !== 'request-changes') {
      this.issues.push(`${name}: must be "approve" or "request-changes"`);
      return undefined;
    }
    return value;
  }

  /** Free text from an input: trimmed; blank becomes null. */
  comment(name: string): string | null | undefined {
    const value = this.take(name);
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      this.issues.push(`${name}: must be text`);
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length > COMMENT_MAX) {
      this.issues.push(`${name}: must be at most ${COMMENT_MAX} characters`);
      return undefined;
    }
    return trimmed.length === 0 ? null : trimmed;
  }

  /**
   * A number from an Input.Number: clients send it as a JSON number or, as the Adaptive Cards renderers
   * do, as its text. Blank (or absent, as an empty input is left out) becomes null; anything else that is
   * not a plain decimal is refused.
   */
  optionalNumber(name: string): number | null | undefined {
    const value = this.take(name);
    if (value === undefined) return null;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
    } else if (typeof value === 'string') {
      const trimmed = value.trim().replace(/,/g, '');
      if (trimmed === '') return null;
      if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) && trimmed.length <= 30) return Number(trimmed);
    }
    this.issues.push(`${name}: must be a number`);
    return undefined;
  }

  periodKey(name: string): string | undefined {
    const value = this.take(name);
    if (!isPeriodKey(value)) {
      this.issues.push(`${name}: must name a period, e.g. FY2024-25-Q1`);
      return undefined;
    }
    return value;
  }

  /** Strict: a field nobody asked for means the payload is not one of ours. */
  finish(): void {
    for (const name of Object.keys(this.fields)) {
      if (!this.seen.has(name)) this.issues.push(`${name}: not expected`);
    }
  }
}

function stageRef(read: Reader): Partial<StageRef> {
  return { planId: read.id('planId'), stageKey: read.id('stageKey', 100), round: read.int('round', 1) };
}

type Parser<V extends Verb> = (read: Reader) => ParsedPayloads[V] | undefined;

const parsers: { readonly [V in Verb]: Parser<V> } = {
  'approval.respond': (read) => {
    const ref = stageRef(read);
    const versionHash = read.hash('versionHash');
    const decision = read.decision('decision');
    const onBehalfOf = read.optionalId('onBehalfOf');
    const comment = read.comment(INPUT_IDS.comment);
    if (decision === 'request-changes' && comment === null) {
      read.issues.push(`${INPUT_IDS.comment}: required to request changes`);
    }
    const { planId, stageKey, round } = ref;
    if (
      planId === undefined ||
      stageKey === undefined ||
      round === undefined ||
      versionHash === undefined ||
      decision === undefined ||
      onBehalfOf === undefined ||
      comment === undefined
    ) {
      return undefined;
    }
    return { planId, stageKey, round, versionHash, decision, onBehalfOf, comment };
  },
  'approval.delegate': (read) => {
    const { planId, stageKey, round } = stageRef(read);
    const deputyId = read.id(INPUT_IDS.deputyId);
    if (planId === undefined || stageKey === undefined || round === undefined || deputyId === undefined) {
      return undefined;
    }
    return { planId, stageKey, round, deputyId };
  },
  'approval.refresh': (read) => {
    const { planId, stageKey, round } = stageRef(read);
    if (planId === undefined || stageKey === undefined || round === undefined) return undefined;
    return { planId, stageKey, round };
  },
  'section.submit': (read) => {
    const planId = read.id('planId');
    const sectionKey = read.id('sectionKey', 100);
    const revision = read.int('revision', 0);
    if (planId === undefined || sectionKey === undefined || revision === undefined) return undefined;
    return { planId, sectionKey, revision };
  },
  'section.none': (read) => {
    const planId = read.id('planId');
    const sectionKey = read.id('sectionKey', 100);
    const revision = read.int('revision', 0);
    if (planId === undefined || sectionKey === undefined || revision === undefined) return undefined;
    return { planId, sectionKey, revision };
  },
  'kpi.checkin': (read) => {
    const planId = read.id('planId');
    const kpiId = read.id('kpiId', 100);
    const periodKey = read.periodKey('periodKey');
    const value = read.optionalNumber(INPUT_IDS.value);
    const part = read.optionalNumber(INPUT_IDS.part);
    const whole = read.optionalNumber(INPUT_IDS.whole);
    const comment = read.comment(INPUT_IDS.comment);
    if (
      planId === undefined ||
      kpiId === undefined ||
      periodKey === undefined ||
      value === undefined ||
      part === undefined ||
      whole === undefined ||
      comment === undefined
    ) {
      return undefined;
    }
    return { planId, kpiId, periodKey, value, part, whole, comment };
  },
  'chat.bind': (read) => {
    const planId = read.id('planId');
    return planId === undefined ? undefined : { planId };
  },
  'plan.status': (read) => {
    const planId = read.id('planId');
    return planId === undefined ? undefined : { planId };
  },
};

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the data of a click on one of our buttons, for a verb the caller already knows. */
export function parseActionData<V extends Verb>(
  verb: V,
  data: unknown,
): Result<ParsedPayloads[V], ActionDataError> {
  if (!isFields(data)) {
    return {
      ok: false,
      error: { code: 'INVALID_DATA', verb, message: 'Action data must be an object.', issues: ['(root)'] },
    };
  }
  const read = new Reader(data);
  const parsed = (parsers[verb] as Parser<V>)(read);
  read.finish();
  if (parsed === undefined || read.issues.length > 0) {
    return {
      ok: false,
      error: {
        code: 'INVALID_DATA',
        verb,
        message: `The data of "${verb}" is not valid.`,
        issues: read.issues,
      },
    };
  }
  return { ok: true, value: parsed };
}

/** For the router: an invoke's verb is just a string until checked. */
export function parseAction(verb: unknown, data: unknown): Result<ParsedAction, ActionDataError> {
  if (!isVerb(verb)) {
    const name = typeof verb === 'string' ? verb : String(verb);
    return {
      ok: false,
      error: { code: 'UNKNOWN_VERB', verb: name, message: `Unknown action "${name}".`, issues: [] },
    };
  }
  const result = parseActionData(verb, data);
  return result.ok ? { ok: true, value: { verb, data: result.value } as ParsedAction } : result;
}
