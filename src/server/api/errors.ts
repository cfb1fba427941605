/**
 * Every failure the tab can meet, mapped once to an HTTP status and `{ error: { code, message, details? } }`.
 * INVALID_STATE is 409: the request is well formed but conflicts with where the plan is (e.g. accepting a
 * section that was never submitted); the tab reloads and shows the message rather than retrying.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Refusal } from '../../domain/support/result.js';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api.js';
import { GraphStoreError } from '../../adapters/sharepoint/store-errors.js';

export const STATUS: Readonly<Record<ApiErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  CONFLICT: 409,
  ALREADY_RESPONDED: 409,
  INVALID_STATE: 409,
  CHOICE_NEEDED: 409,
  HEADER_INCOMPLETE: 409,
  UNPLACED_TEXT: 409,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Seconds the tab should wait before retrying when SharePoint is throttling or down. */
export const RETRY_AFTER_SECONDS = 5;

export function sendError(
  response: Response,
  code: ApiErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): void {
  const body: ApiErrorBody = {
    error: details === undefined ? { code, message } : { code, message, details },
  };
  response.status(STATUS[code]).json(body);
}

export const sendRefusal = (response: Response, refusal: Refusal): void =>
  sendError(response, refusal.code, refusal.message, refusal.details);

function isUnavailable(error: unknown): boolean {
  if (error instanceof GraphStoreError) return error.code === 'GRAPH_UNAVAILABLE';
  // The Graph SDK's own error, when a call fails before an adapter wraps it.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 429 || status === 503 || status === 504;
}

/** The API's last handler: body-parser failures, Graph outages and bugs, in the API's shape. */
export function apiErrorHandler(limitLabel: string) {
  return (error: unknown, _request: Request, response: Response, _next: NextFunction): void => {
    if (response.headersSent) return;
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') {
      sendError(
        response,
        'TOO_LARGE',
        `The request is larger than the ${limitLabel} limit. Shorten the text (or split it across sections) and try again.`,
      );
      return;
    }
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      sendError(response, 'VALIDATION', 'The request body is not valid JSON.');
      return;
    }
    if (isUnavailable(error)) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      sendError(
        response,
        'UNAVAILABLE',
        `SharePoint is busy or unavailable just now. Nothing was lost; try again in ${RETRY_AFTER_SECONDS} seconds.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
      return;
    }
    console.error('Unhandled API error:', error);
    sendError(
      response,
      'INTERNAL',
      'Something went wrong on the server. Try again; if it keeps happening, tell your administrator.',
    );
  };
}
