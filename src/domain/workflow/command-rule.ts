/** The shape of a command rule (who may ask, and what it changes) and the outcome it returns. */
import type { Actor, Command, CommandType } from '../plan/commands.js';
import type { DomainEvent } from '../plan/events.js';
import type { IsoDateTime, Plan } from '../plan/plan.js';
import type { Refusal, Result } from '../support/result.js';

export interface CommandContext {
  readonly actor: Actor;
  readonly now: IsoDateTime;
  /** The content hash of the plan before the command. */
  readonly hash: string;
}

export interface Applied {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
  readonly summary: string;
  /** Whom the actor acted for, when not themselves (an officer entering an outside party's text). */
  readonly onBehalfOf?: string;
}

/** The command asked for what is already so (a retried click, an identical autosave). */
export const UNCHANGED = Symbol('unchanged');
export type Outcome = Applied | typeof UNCHANGED;

/** Each command's authorisation rule sits beside what it does. */
export interface CommandRule<C extends Command> {
  readonly authorize: (plan: Plan, command: C, actor: Actor) => Refusal | null;
  readonly apply: (plan: Plan, command: C, context: CommandContext) => Result<Outcome>;
}

export type CommandRules = { readonly [K in CommandType]: CommandRule<Extract<Command, { type: K }>> };
