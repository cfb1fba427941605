/**
 * DocumentStore on the plan site's default document library. Paths are checked before anything is sent:
 * a path is ours to build, so one that SharePoint would refuse or that could climb out of its folder is a
 * bug to stop here, not a request to send. Uploads are single PUTs (up to 4 MiB); the SDK's RetryHandler
 * never retries an octet-stream body, so throttling on upload is retried here.
 */
import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { DocumentStore, StoredDocument } from '../../ports/document-store.js';
import { GraphStoreError } from './store-errors.js';

export const MAX_PATH_LENGTH = 400;
/** Graph's simple upload; larger files need an upload session, which this store does not do yet. */
export const MAX_SIMPLE_UPLOAD_BYTES = 4 * 1024 * 1024;

const THROTTLED = new Set([429, 503]);
const ITEM_SELECT = 'id,name,webUrl,eTag,size';
/** Drive item ids are opaque but plain; anything else cannot name an item and must not reach a URL. */
const ITEM_ID = /^[A-Za-z0-9!._-]{1,200}$/;
const hasControlCharacter = (text: string): boolean =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
const FORBIDDEN_IN_NAME = /["*:<>?|]/;

export class DocumentPathError extends Error {
  readonly code = 'INVALID_DOCUMENT_PATH';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Cannot store a document at ${JSON.stringify(path)}: ${problem}`);
  }
}

export class DocumentTooLargeError extends Error {
  readonly code = 'DOCUMENT_TOO_LARGE';
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(
      `Cannot store ${JSON.stringify(path)}: ${size} bytes is over the ${MAX_SIMPLE_UPLOAD_BYTES}-byte limit of a simple upload (upload sessions for larger files are not implemented).`,
    );
  }
}

export interface DocumentStoreOptions {
  /** Retries of a throttled upload (429/503) before the error reaches the caller. */
  readonly maxUploadRetries?: number;
  /** Longest wait honoured from Retry-After; a longer one fails now rather than hold a request open. */
  readonly maxWaitSeconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Splits a library path into its segments, or says why SharePoint (or safety) would refuse it. */
export function documentPathSegments(path: string): string[] {
  const refuse = (problem: string): never => {
    throw new DocumentPathError(path, problem);
  };
  if (path.length === 0) refuse('the path is empty');
  if (path.length > MAX_PATH_LENGTH) refuse(`it is longer than ${MAX_PATH_LENGTH} characters`);
  if (hasControlCharacter(path)) refuse('it contains a control character');
  if (path.includes('\\')) refuse('it contains a backslash; folders are separated by "/"');
  if (path.startsWith('/')) refuse('it must be relative to the library, without a leading "/"');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '') refuse('it has an empty folder or file name');
    if (segment === '..' || segment === '.') refuse(`"${segment}" is not a folder name`);
    if (FORBIDDEN_IN_NAME.test(segment)) refuse(`"${segment}" contains one of " * : < > ? |`);
    if (segment !== segment.trim()) refuse(`"${segment}" starts or ends with a space`);
    if (segment.startsWith('.') || segment.endsWith('.')) refuse(`"${segment}" starts or ends with a dot`);
    if (segment.startsWith('~$')) refuse(`"${segment}" starts with "~$" (reserved for Office lock files)`);
  }
  return segments;
}

const driveSchema = z.object({ id: z.string().min(1) });
const itemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  webUrl: z.string(),
  eTag: z.string().min(1),
  size: z.number().int().nonnegative(),
});
const fileSchema = z.object({
  id: z.string(),
  file: z.object({ mimeType: z.string().min(1) }).optional(),
});

function parsed<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new GraphStoreError(
      `SharePoint answered ${what} with an unexpected shape: ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
      200,
      null,
    );
  }
  return result.data;
}

function graphFailure(what: string, error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  return new GraphStoreError(
    `SharePoint could not ${what}: ${error.statusCode} ${error.code ?? ''} ${error.message}`.trim(),
    error.statusCode,
    error.code,
  );
}

/** Seconds to wait, from integer seconds or an HTTP date; doubling from 1 s when the header says nothing. */
function retryAfterSeconds(error: GraphError, retry: number): number {
  const fallback = 2 ** retry;
  const header = error.headers?.get('Retry-After');
  if (header === null || header === undefined || header.trim() === '') return fallback;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? fallback : Math.max(0, (at - Date.now()) / 1000);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class SharePointDocumentStore implements DocumentStore {
  private driveId: Promise<string> | undefined;
  private readonly maxUploadRetries: number;
  private readonly maxWaitSeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: Client,
    private readonly siteId: string,
    options: DocumentStoreOptions = {},
  ) {
    this.maxUploadRetries = options.maxUploadRetries ?? 4;
    this.maxWaitSeconds = options.maxWaitSeconds ?? 30;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Looked up once; a failed lookup is forgotten so the next call tries again. */
  private drive(): Promise<string> {
    this.driveId ??= this.client
      .api(`/sites/${this.siteId}/drive`)
      .select('id')
      .get()
      .then((raw: unknown) => parsed(driveSchema, raw, 'the default drive').id)
      .catch((error: unknown) => {
        this.driveId = undefined;
        throw graphFailure('find the default document library of the site', error);
      });
    return this.driveId;
  }

  async put(
    path: string,
    bytes: Uint8Array,
    // SharePoint derives file.mimeType from the name's extension, whatever the upload says.
    _contentType: string,
    metadata?: Readonly<Record<string, string | number>>,
  ): Promise<StoredDocument> {
    const segments = documentPathSegments(path);
    if (bytes.byteLength > MAX_SIMPLE_UPLOAD_BYTES) throw new DocumentTooLargeError(path, bytes.byteLength);
    const driveId = await this.drive();
    const encoded = segments.map(encodeURIComponent).join('/');
    // The SDK sends a typed array's whole underlying buffer; a Buffer view sends exactly these bytes.
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const uploaded = parsed(
      itemSchema,
      await this.upload(
        `/drives/${driveId}/root:/${encoded}:/content?@microsoft.graph.conflictBehavior=replace`,
        body,
        path,
      ),
      `the upload of ${path}`,
    );
    if (metadata === undefined || Object.keys(metadata).length === 0) return pick(uploaded);

    const itemUrl = `/drives/${driveId}/items/${encodeURIComponent(uploaded.id)}`;
    try {
      await this.client.api(`${itemUrl}/listItem/fields`).patch({ ...metadata });
    } catch (error) {
      throw graphFailure(`set the library columns of ${path}`, error);
    }
    // Writing the columns is a new version of the item, so the upload's eTag is already out of date.
    try {
      return pick(
        parsed(
          itemSchema,
          await this.client.api(itemUrl).select(ITEM_SELECT).get(),
          `the item ${uploaded.id}`,
        ),
      );
    } catch (error) {
      throw graphFailure(`read back ${path}`, error);
    }
  }

  private async upload(url: string, body: Buffer, path: string): Promise<unknown> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.client.api(url).header('Content-Type', 'application/octet-stream').put(body);
      } catch (error) {
        if (!(error instanceof GraphError) || !THROTTLED.has(error.statusCode)) {
          throw graphFailure(`upload ${path}`, error);
        }
        const wait = retryAfterSeconds(error, retry);
        if (retry >= this.maxUploadRetries || wait > this.maxWaitSeconds) {
          throw graphFailure(`upload ${path} (still throttled after ${retry + 1} attempts)`, error);
        }
        await this.sleep(wait * 1000);
      }
    }
  }

  async pdfOf(id: string): Promise<Uint8Array | null> {
    if (!ITEM_ID.test(id)) return null;
    const driveId = await this.drive();
    try {
      // Graph answers 302 to a short-lived download URL; the client's RedirectHandler follows it and drops
      // the Authorization header on the way, as that URL needs none.
      const content = (await this.client
        .api(`/drives/${driveId}/items/${id}/content`)
        .query({ format: 'pdf' })
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as unknown;
      return content instanceof ArrayBuffer ? new Uint8Array(content) : null;
    } catch (error) {
      if (
        error instanceof GraphError &&
        (error.statusCode === 400 || error.statusCode === 404 || error.statusCode === 406)
      )
        return null;
      throw graphFailure(`convert ${id} to PDF`, error);
    }
  }

  async find(path: string): Promise<StoredDocument | null> {
    const segments = documentPathSegments(path);
    const driveId = await this.drive();
    const encoded = segments.map(encodeURIComponent).join('/');
    try {
      const item = await this.client.api(`/drives/${driveId}/root:/${encoded}`).select(ITEM_SELECT).get();
      return pick(parsed(itemSchema, item, path));
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw graphFailure(`look up ${path}`, error);
    }
  }

  async get(id: string): Promise<{ readonly bytes: Uint8Array; readonly contentType: string } | null> {
    if (!ITEM_ID.test(id)) return null;
    const driveId = await this.drive();
    const itemUrl = `/drives/${driveId}/items/${id}`;
    try {
      const item = parsed(fileSchema, await this.client.api(itemUrl).select('id,file').get(), id);
      // A folder is not a document; there is nothing to download.
      if (item.file === undefined) return null;
      const content = (await this.client
        .api(`${itemUrl}/content`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as unknown;
      if (!(content instanceof ArrayBuffer)) {
        throw new GraphStoreError(`SharePoint answered the download of ${id} without bytes`, 200, null);
      }
      return { bytes: new Uint8Array(content), contentType: item.file.mimeType };
    } catch (error) {
      // Deleted between the two requests counts as gone too.
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw graphFailure(`download ${id}`, error);
    }
  }
}

function pick(item: z.infer<typeof itemSchema>): StoredDocument {
  return { id: item.id, name: item.name, webUrl: item.webUrl, eTag: item.eTag, size: item.size };
}
