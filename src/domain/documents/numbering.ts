/** Counters as councils print them: 1, 2, 3; A, B, C (then AA, AB …); i, ii, iii. */

/** 1 → "A", 26 → "Z", 27 → "AA": the spreadsheet sequence, so a long list never runs out of letters. */
export function letterLabel(n: number): string {
  let rest = n;
  let label = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    label = String.fromCharCode(65 + digit) + label;
    rest = Math.floor((rest - 1) / 26);
  }
  return label;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** 1 → "i", 4 → "iv", 14 → "xiv" (lower case, as in "(iv)"). */
export function romanLabel(n: number): string {
  let rest = n;
  let label = '';
  for (const [value, numeral] of ROMAN)
    while (rest >= value) {
      label += numeral;
      rest -= value;
    }
  return label;
}

/** The label of a heading or an appendix at position `n`. */
export const positionLabel = (style: 'number' | 'letter' | undefined, n: number): string =>
  style === 'letter' ? letterLabel(n) : String(n);

/** A list paragraph's number as printed: "1.", "(a)" or "(i)". */
export function listLabel(style: 'number' | 'letter' | 'roman' | undefined, n: number): string {
  if (style === 'letter') return `(${letterLabel(n).toLowerCase()})`;
  if (style === 'roman') return `(${romanLabel(n)})`;
  return `${n}.`;
}
