/**
 * Numbers as people type them into a form: "£1,200", "45%", " 3 ". Anything else is not taken for a number
 * (never silently read as something else): the field says so in place, and the rest of the form goes on.
 */
export interface ParsedNumber {
  /** The number typed, or null when the field is empty or not a number. */
  readonly value: number | null;
  /** Something was typed that is not a number. */
  readonly bad: boolean;
}

export function parseNumber(text: string): ParsedNumber {
  const cleaned = text
    .trim()
    .replace(/^£/, '')
    .replace(/%$/, '')
    .replace(/,(?=\d{3}\b)/g, '')
    .trim();
  if (cleaned === '') return { value: null, bad: false };
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return { value: null, bad: true };
  const value = Number(cleaned);
  return Number.isFinite(value) ? { value, bad: false } : { value: null, bad: true };
}

/** The message for a number field, or null when it is fine. */
export function numberProblem(
  label: string,
  text: string,
  options: { required?: boolean; min?: number; whole?: boolean } = {},
): string | null {
  const { value, bad } = parseNumber(text);
  if (bad) {
    return /^\s*£?\s*\d[\d.,]*\s*[a-z]+\s*$/i.test(text)
      ? `${label}: “${text.trim()}” is not a number. Write it in full, for example 6500000 rather than 6.5m.`
      : `${label}: “${text.trim()}” is not a number.`;
  }
  if (value === null) return options.required ? `${label}: enter a number.` : null;
  if (options.min !== undefined && value < options.min) return `${label} cannot be below ${options.min}.`;
  if (options.whole && !Number.isInteger(value)) return `${label} is a whole number.`;
  return null;
}
