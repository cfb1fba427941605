/**
 * Reads PNGs independently of the encoder in scripts/png.ts: chunk CRCs, the IHDR header, and the pixels of
 * 8-bit RGBA/RGB images with any of the five row filters, so a test sees what an image viewer would.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlace: number;
}

const SIGNATURE = '89504e470d0a1a0a';

function chunks(png: Buffer): { type: string; data: Buffer }[] {
  if (png.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG: bad signature');
  const found: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) >>> 0 !== crc) throw new Error(`bad CRC in ${type}`);
    found.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (found[0]?.type !== 'IHDR') throw new Error('IHDR is not the first chunk');
  if (found.at(-1)?.type !== 'IEND') throw new Error('no IEND chunk');
  return found;
}

/** Dimensions as the IHDR chunk states them (bytes 16-23 of the file). */
export function readPngHeader(png: Buffer): PngHeader {
  const ihdr = chunks(png)[0]?.data;
  if (!ihdr || ihdr.length !== 13) throw new Error('IHDR must be 13 bytes');
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8] ?? -1,
    colourType: ihdr[9] ?? -1,
    interlace: ihdr[12] ?? -1,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** RGBA pixels, row by row; RGB images get alpha 255. */
export function decodePng(png: Buffer): { header: PngHeader; rgba: Uint8Array } {
  const header = readPngHeader(png);
  const channels = header.colourType === 6 ? 4 : header.colourType === 2 ? 3 : 0;
  if (header.bitDepth !== 8 || channels === 0 || header.interlace !== 0)
    throw new Error(`unsupported PNG: depth ${header.bitDepth}, colour type ${header.colourType}`);
  const data = inflateSync(
    Buffer.concat(
      chunks(png)
        .filter((c) => c.type === 'IDAT')
        .map((c) => c.data),
    ),
  );
  const stride = header.width * channels;
  if (data.length !== (stride + 1) * header.height) throw new Error('IDAT holds the wrong number of bytes');
  const out = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const raw = data[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predicted =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? Math.floor((left + up) / 2)
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : NaN;
      if (Number.isNaN(predicted)) throw new Error(`unknown filter ${filter} on row ${y}`);
      out[y * stride + x] = (raw + predicted) & 0xff;
    }
  }
  if (channels === 4) return { header, rgba: out };
  const rgba = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i++) {
    rgba.set(out.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { header, rgba };
}
