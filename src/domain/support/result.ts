/**
 * Expected failures are values, not exceptions. Every refusal carries a stable code that the edges
 * (HTTP, bot) map to a response exactly once.
 */
export type RefusalCode =
  | 'NOT_ALLOWED'
  | 'STALE_VERSION'
  | 'INVALID_STATE'
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ALREADY_RESPONDED'
  /** The request is missing a choice the person must make first (details name which). */
  | 'CHOICE_NEEDED'
  /** Required report header values are empty (details.fields: each one's key and label). */
  | 'HEADER_INCOMPLETE'
  /** The change would leave typed text with nowhere to go (details.sections, details.headerFields). */
  | 'UNPLACED_TEXT';

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** Machine-readable detail for the edge to show, e.g. the fields that failed validation. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E = Refusal> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const refuse = (
  code: RefusalCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): { readonly ok: false; readonly error: Refusal } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
