/**
 * Plan Builder's two Teams icons, drawn from geometry so they can be rebuilt byte for byte without an image
 * editor: a document with a clipped corner, three lines of text and a tick, cut out of the page.
 * Teams wants a 192×192 colour icon and a 32×32 outline that is white on transparent.
 */
import { encodePng } from './png.js';

/** The manifest's accentColor is the colour icon's background, so the two always agree. */
export const ACCENT_COLOUR = '#1A6B5A';

export const COLOUR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Samples per pixel along each axis; 4×4 gives smooth edges without any randomness. */
const SUPERSAMPLE = 4;

function distanceToSegment(u: number, v: number, a: [number, number], b: [number, number]): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (ax + t * dx), v - (ay + t * dy));
}

function inRoundedRect(u: number, v: number, x0: number, y0: number, x1: number, y1: number, r: number) {
  if (u < x0 || u > x1 || v < y0 || v > y1) return false;
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  return Math.hypot(u - cx, v - cy) <= r;
}

const inBox = (u: number, v: number, x0: number, y0: number, x1: number, y1: number) =>
  u >= x0 && u <= x1 && v >= y0 && v <= y1;

/** Whether a point of the unit square (v grows downwards) is ink. */
export function glyphAt(u: number, v: number): boolean {
  const page = inRoundedRect(u, v, 0.2, 0.08, 0.8, 0.92, 0.07) && u - v <= 0.54; // corner clipped
  if (!page) return false;
  const textLine =
    inBox(u, v, 0.31, 0.3, 0.66, 0.36) ||
    inBox(u, v, 0.31, 0.43, 0.69, 0.49) ||
    inBox(u, v, 0.31, 0.56, 0.52, 0.62);
  const tick =
    distanceToSegment(u, v, [0.5, 0.75], [0.57, 0.82]) <= 0.035 ||
    distanceToSegment(u, v, [0.57, 0.82], [0.7, 0.67]) <= 0.035;
  return !textLine && !tick;
}

/** Fraction of a pixel covered by ink, the glyph drawn in the square [offset, offset + size). */
function coverage(x: number, y: number, offset: number, size: number): number {
  let inked = 0;
  for (let i = 0; i < SUPERSAMPLE; i++) {
    for (let j = 0; j < SUPERSAMPLE; j++) {
      const u = (x + (i + 0.5) / SUPERSAMPLE - offset) / size;
      const v = (y + (j + 0.5) / SUPERSAMPLE - offset) / size;
      if (glyphAt(u, v)) inked++;
    }
  }
  return inked / (SUPERSAMPLE * SUPERSAMPLE);
}

function hexColour(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`Not a #RRGGBB colour: ${hex}`);
  return [parseInt(match[1] ?? '', 16), parseInt(match[2] ?? '', 16), parseInt(match[3] ?? '', 16)];
}

/** RGBA pixels of the colour icon: a white glyph on the accent colour, fully opaque. */
export function colourIconPixels(): Uint8Array {
  const size = COLOUR_ICON_SIZE;
  const [r, g, b] = hexColour(ACCENT_COLOUR);
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // The glyph keeps to the middle 112 px, inside the area Teams never crops.
      const ink = coverage(x, y, 40, 112);
      const at = (y * size + x) * 4;
      pixels[at] = Math.round(r + (255 - r) * ink);
      pixels[at + 1] = Math.round(g + (255 - g) * ink);
      pixels[at + 2] = Math.round(b + (255 - b) * ink);
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}

/** RGBA pixels of the outline icon: pure white, the glyph's coverage as alpha. */
export function outlineIconPixels(): Uint8Array {
  const size = OUTLINE_ICON_SIZE;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4;
      pixels.fill(255, at, at + 3);
      pixels[at + 3] = Math.round(255 * coverage(x, y, 1, 30));
    }
  }
  return pixels;
}

export const colourIconPng = (): Buffer => encodePng(COLOUR_ICON_SIZE, COLOUR_ICON_SIZE, colourIconPixels());
export const outlineIconPng = (): Buffer =>
  encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, outlineIconPixels());
