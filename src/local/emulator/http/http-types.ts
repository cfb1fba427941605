/**
 * The emulator's request and response types (EmuRequest, EmuResponse, Call, Handler, Env) and the Graph
 * root URL that nextLinks and `@odata.context` are written against.
 */
import type { Store } from '../storage/sqlite-store.js';
import type { Query } from '../odata/query-options.js';

/** The app-only caller as SharePoint records it in createdBy / lastModifiedBy. */
export interface Caller {
  readonly appId: string;
  readonly appName: string;
}

export interface EmuRequest {
  readonly method: string;
  /** Path after `/v1.0`, still percent-encoded, starting with `/`. */
  readonly path: string;
  /** Query string without `?`, still encoded. */
  readonly rawQuery: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly requestId: string;
  readonly clientRequestId: string;
  readonly caller: Caller;
  readonly inBatch: boolean;
  /** `http://host:port` the request came to (its Host header): links in answers point back here, as Azurite's do. */
  readonly origin: string;
}

export type EmuResponse =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly json: unknown;
      readonly headers?: Record<string, string>;
    }
  | {
      readonly kind: 'bytes';
      readonly status: number;
      readonly bytes: Buffer;
      readonly contentType: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: Record<string, string> };

export const jsonResponse = (status: number, json: unknown, headers?: Record<string, string>): EmuResponse =>
  headers === undefined ? { kind: 'json', status, json } : { kind: 'json', status, json, headers };

export const emptyResponse = (status: number): EmuResponse => ({ kind: 'empty', status });

/** Services shared by every handler. */
export interface Env {
  readonly store: Store;
  readonly hostname: string;
  readonly now: () => Date;
}

export interface Call {
  readonly env: Env;
  readonly req: EmuRequest;
  /** Percent-decoded route parameters by name. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Query;
}

export type Handler = (call: Call) => EmuResponse | Promise<EmuResponse>;

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';
