/**
 * What a Bot Connector error means for the sender, from its HTTP status and Teams' error code
 * (Microsoft's "Status codes from bot conversational APIs"): who cannot be reached and why, what is worth
 * trying again (only 412, 429, 502, 503, 504, and no answer at all), and what Teams refused for good.
 */
import { SendFailure, type SendFailureKind } from '../../ports/messaging.js';
import type { UnreachableReason } from '../../ports/reachability.js';

interface ConnectorError {
  readonly status?: number;
  readonly statusCode?: number;
  readonly response?: { readonly data?: unknown; readonly headers?: unknown };
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/** Teams' `error.code`, or the odd JSON-in-a-string body of a blocked thread (subCode MessageWritesBlocked). */
function codeOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === null || typeof data !== 'object') return '';
  const body = data as {
    error?: { code?: unknown; message?: unknown };
    errorCode?: unknown;
    message?: unknown;
  };
  return [body.error?.code, body.error?.message, body.errorCode, body.message]
    .filter((part) => part !== undefined && part !== null)
    .map(String)
    .join(' ');
}

function retryAfterOf(headers: unknown): number | null {
  const value =
    headers && typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get(name: string): string | null }).get('retry-after')
      : ((headers as Record<string, unknown> | undefined)?.['retry-after'] ?? null);
  const seconds = value === null ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** Which reason a 403 or 404 gives, by Teams' code; null when it is not about reaching the recipient. */
function unreachableReason(status: number, code: string): UnreachableReason | null {
  if (status === 404) return /ConversationNotFound/i.test(code) ? 'conversation-not-found' : null;
  if (status === 401) return 'forbidden';
  if (status !== 403) return null;
  if (/InvalidBotApiHost/i.test(code)) return null;
  if (/ConversationBlockedByUser|MessageWritesBlocked|\b209\b/i.test(code)) return 'blocked';
  if (/BotNotInConversationRoster/i.test(code)) return 'removed';
  if (/BotDisabledByAdmin/i.test(code)) return 'disabled-by-admin';
  if (/ForbiddenOperationException|not installed/i.test(code)) return 'not-installed';
  return 'forbidden';
}

export function classifyConnectorError(error: unknown): SendFailureKind {
  const e = (error ?? {}) as ConnectorError;
  const status = e.status ?? e.statusCode;
  if (status === undefined) return { kind: 'retry', retryAfterSeconds: null };
  if (RETRYABLE.has(status)) return { kind: 'retry', retryAfterSeconds: retryAfterOf(e.response?.headers) };
  const reason = unreachableReason(status, codeOf(e.response?.data));
  return reason === null ? { kind: 'rejected' } : { kind: 'unreachable', reason };
}

/** The typed failure for a connector error, with what Teams said kept in the message for the log. */
export function connectorFailure(error: unknown): SendFailure {
  const e = (error ?? {}) as ConnectorError;
  const status = e.status ?? e.statusCode;
  const said = codeOf(e.response?.data) || (error instanceof Error ? error.message : String(error));
  return new SendFailure(
    `Teams did not take the message${status === undefined ? '' : ` (${status})`}: ${said.slice(0, 500)}`,
    classifyConnectorError(error),
  );
}
