/**
 * The DocumentStore contract: what every implementation must do. The caller provisions the library
 * columns that metadata is written to; the subject says which they are and how to read them back.
 */
import { describe, expect, it } from 'vitest';
import {
  DocumentPathError,
  DocumentTooLargeError,
  MAX_SIMPLE_UPLOAD_BYTES,
} from '../../src/adapters/sharepoint/document-store.js';
import type { DocumentStore } from '../../src/ports/document-store.js';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LibraryItem {
  readonly eTag: string;
  readonly size: number;
  readonly name: string;
  /** The library columns of the file's list item. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly versions: number;
}

export interface DocumentStoreUnderTest {
  readonly store: DocumentStore;
  /** A new store over the same library, with nothing looked up yet. */
  newStore(): DocumentStore;
  /** Requests that reached SharePoint since the last reset. */
  requestsSeen(): number;
  resetRequests(): void;
  /** Reads the file's state straight from Graph, not through the store. */
  inspect(id: string): Promise<LibraryItem>;
  /** Library columns the caller provisioned: one single line of text, one number. */
  readonly columns: { readonly text: string; readonly number: string };
  /** A folder of its own for this run, e.g. `Contract/<uuid>`. */
  readonly root: string;
}

/** Every byte value, zero first, from a view that starts part-way into a larger buffer. */
function everyByte(): Uint8Array {
  const backing = new Uint8Array(600);
  backing.fill(0xee);
  const view = backing.subarray(7, 7 + 512);
  for (let i = 0; i < view.length; i++) view[i] = (i * 37) % 256;
  view[0] = 0x00;
  view[1] = 0x00;
  return view;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Paths SharePoint would refuse or that could leave their folder; none may cause a request. */
export const PATH_TRICKS: readonly string[] = [
  '',
  '../escape.docx',
  'Plans/../../escape.docx',
  'Plans/./plan.docx',
  '..',
  '/Plans/plan.docx',
  'Plans\\plan.docx',
  'Plans//plan.docx',
  'Plans/plan.docx/',
  'Plans/plan\u0000.docx',
  'Plans/plan\n.docx',
  'Plans/plan\u007f.docx',
  'Plans/"quoted".docx',
  'Plans/star*.docx',
  'Plans/c:plan.docx',
  'Plans/<plan>.docx',
  'Plans/plan?.docx',
  'Plans/pipe|plan.docx',
  ' Plans/plan.docx',
  'Plans /plan.docx',
  'Plans/plan.docx ',
  'Plans/plan.docx.',
  'Plans./plan.docx',
  'Plans/.plan.docx',
  'Plans/~$plan.docx',
  `Plans/${'a'.repeat(390)}.docx`,
];

export function documentStoreContract(name: string, open: () => DocumentStoreUnderTest): void {
  describe(`DocumentStore contract: ${name}`, () => {
    it('round-trips binary bytes exactly, with the file type of its name', async () => {
      const { store, root } = open();
      const bytes = everyByte();
      const path = `${root}/round-trip/v1/productivity-plan.docx`;
      const stored = await store.put(path, bytes, DOCX);
      expect(stored.name).toBe('productivity-plan.docx');
      expect(stored.size).toBe(512);
      expect(stored.id).not.toBe('');
      expect(stored.eTag).not.toBe('');
      expect(new URL(stored.webUrl).protocol).toBe('https:');
      const got = await store.get(stored.id);
      expect(got?.contentType).toBe(DOCX);
      expect(got?.bytes).toEqual(new Uint8Array(bytes));
      expect(Buffer.from(got?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    });

    it('stores names with spaces, accents and brackets as they are', async () => {
      const { store, root } = open();
      const path = `${root}/Wessex Vale/Plan – draft (é) & notes.txt`;
      const stored = await store.put(path, text('café'), 'text/plain');
      expect(stored.name).toBe('Plan – draft (é) & notes.txt');
      const got = await store.get(stored.id);
      expect(new TextDecoder().decode(got?.bytes)).toBe('café');
      expect(got?.contentType).toBe('text/plain');
    });

    it('stores an empty file', async () => {
      const { store, root } = open();
      const stored = await store.put(`${root}/empty.bin`, new Uint8Array(0), 'application/octet-stream');
      expect(stored.size).toBe(0);
      expect((await store.get(stored.id))?.bytes).toHaveLength(0);
    });

    it('replaces a file at the same path as a new version of the same item', async () => {
      const { store, root, inspect } = open();
      const path = `${root}/versions/plan.bin`;
      const first = await store.put(path, text('first'), 'application/octet-stream');
      const second = await store.put(path, text('second, longer'), 'application/octet-stream');
      expect(second.id).toBe(first.id);
      expect(second.eTag).not.toBe(first.eTag);
      expect(second.size).toBe(14);
      expect(new TextDecoder().decode((await store.get(first.id))?.bytes)).toBe('second, longer');
      const item = await inspect(first.id);
      expect(item.versions).toBe(2);
      expect(item.eTag).toBe(second.eTag);
    });

    it('writes metadata to the library columns and returns the eTag after that write', async () => {
      const { store, root, inspect, columns } = open();
      const stored = await store.put(`${root}/meta/plan.docx`, text('plan'), DOCX, {
        [columns.text]: "plan-42 'quoted'",
        [columns.number]: 3,
      });
      const item = await inspect(stored.id);
      expect(item.fields[columns.text]).toBe("plan-42 'quoted'");
      expect(item.fields[columns.number]).toBe(3);
      expect(stored.eTag).toBe(item.eTag);
      expect(stored.size).toBe(4);
    });

    it('fails loudly when metadata names a column the library does not have', async () => {
      const { store, root } = open();
      await expect(
        store.put(`${root}/meta/unknown-column.docx`, text('x'), DOCX, { NoSuchColumn: 'x' }),
      ).rejects.toThrow(/NoSuchColumn/);
    });

    it('refuses every path trick before sending anything', async () => {
      const subject = open();
      const store = subject.newStore();
      subject.resetRequests();
      for (const path of PATH_TRICKS) {
        const attempt = store.put(path, text('x'), 'text/plain', { [subject.columns.text]: 'x' });
        await expect(attempt, JSON.stringify(path)).rejects.toBeInstanceOf(DocumentPathError);
        await expect(attempt).rejects.toMatchObject({ code: 'INVALID_DOCUMENT_PATH', path });
      }
      expect(subject.requestsSeen()).toBe(0);
    });

    it('refuses a path over 400 characters even when every name in it is short', async () => {
      const subject = open();
      const path = `${subject.root}/${'folder/'.repeat(60)}plan.bin`;
      expect(path.length).toBeGreaterThan(400);
      subject.resetRequests();
      await expect(subject.store.put(path, text('x'), 'text/plain')).rejects.toBeInstanceOf(
        DocumentPathError,
      );
      expect(subject.requestsSeen()).toBe(0);
    });

    it('takes 4 MiB in one upload and refuses a byte more without sending it', async () => {
      const subject = open();
      const big = new Uint8Array(MAX_SIMPLE_UPLOAD_BYTES).map((_, i) => i % 251);
      const stored = await subject.store.put(`${subject.root}/big.bin`, big, 'application/octet-stream');
      expect(stored.size).toBe(MAX_SIMPLE_UPLOAD_BYTES);
      expect(Buffer.from((await subject.store.get(stored.id))?.bytes ?? []).equals(Buffer.from(big))).toBe(
        true,
      );
      subject.resetRequests();
      await expect(
        subject.store.put(
          `${subject.root}/too-big.bin`,
          new Uint8Array(MAX_SIMPLE_UPLOAD_BYTES + 1),
          'application/octet-stream',
        ),
      ).rejects.toBeInstanceOf(DocumentTooLargeError);
      expect(subject.requestsSeen()).toBe(0);
    });

    it('answers null for an unknown id, and for an id that is not an id without asking', async () => {
      const subject = open();
      expect(await subject.store.get('01ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBeNull();
      subject.resetRequests();
      for (const id of ['', '../root', 'x/content', 'a?b', 'root:/Plans']) {
        expect(await subject.store.get(id), id).toBeNull();
      }
      expect(subject.requestsSeen()).toBe(0);
    });
  });
}
