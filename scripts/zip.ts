/**
 * The Teams app package as a zip: three small files at the root. The writing is the documents' own
 * deterministic zip writer (src/documents/zip.ts); this adds the checks a package needs on file names.
 * The timestamp is fixed so the same inputs give the same archive.
 */
import { writeZip } from '../src/documents/zip.js';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** 1980-01-01 00:00, the earliest zip date: no build-time clock leaks into the package. */
const FIXED_TIME = '1980-01-01T00:00:00Z';

export function zip(entries: readonly ZipEntry[]): Buffer {
  const names = new Set<string>();
  for (const entry of entries) {
    if (!entry.name || entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.includes('..'))
      throw new RangeError(`Not a safe file name inside a zip: "${entry.name}"`);
    if (names.has(entry.name)) throw new RangeError(`Duplicate file in zip: ${entry.name}`);
    names.add(entry.name);
  }
  return Buffer.from(writeZip(entries, FIXED_TIME));
}
