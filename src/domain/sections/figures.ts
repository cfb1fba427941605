/**
 * Structured figures (e.g. Theme 3's workforce spend): entered amounts are validated and shares are
 * computed from them, so a percentage is never typed by hand and can never disagree with its basis.
 */
import { ok, refuse, type Result } from '../support/result.js';
import type { FigureField } from '../templates/template.js';

export type FigureValues = Readonly<Record<string, number | null>>;

export interface ComputedShare {
  readonly key: string;
  readonly label: string;
  /** Percentage, or null while either side is missing. */
  readonly percent: number | null;
}

export function computeShares(fields: readonly FigureField[], values: FigureValues): ComputedShare[] {
  return fields.flatMap((field) => {
    if (field.kind !== 'share') return [];
    const numerator = values[field.numeratorKey] ?? null;
    const denominator = values[field.denominatorKey] ?? null;
    const percent =
      numerator === null || denominator === null || denominator === 0
        ? null
        : (numerator / denominator) * 100;
    return [{ key: field.key, label: field.label, percent }];
  });
}

/**
 * Entered values must be known fields, finite and not negative; a share's basis must cover its part.
 * A missing basis is allowed while drafting (people enter one figure at a time) but not on submission.
 */
export function validateFigures(
  fields: readonly FigureField[],
  values: FigureValues,
  options: { readonly requireBases: boolean },
): Result<FigureValues> {
  const problems: string[] = [];
  const entered = new Map(fields.filter((f) => f.kind === 'entered').map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(values)) {
    const field = entered.get(key);
    if (!field) {
      problems.push(`"${key}" is not a figure of this section`);
      continue;
    }
    if (value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value))
      problems.push(`${field.label} must be a number`);
    else if (value < 0) problems.push(`${field.label} cannot be negative`);
    else if (field.unit === 'count' && !Number.isInteger(value))
      problems.push(`${field.label} must be a whole number`);
  }
  for (const field of fields) {
    if (field.kind !== 'share') continue;
    const part = values[field.numeratorKey];
    const whole = values[field.denominatorKey];
    const partLabel = entered.get(field.numeratorKey)?.label ?? field.numeratorKey;
    const wholeLabel = entered.get(field.denominatorKey)?.label ?? field.denominatorKey;
    if (typeof part === 'number' && typeof whole === 'number') {
      if (whole === 0 && part > 0)
        problems.push(`${field.label}: ${wholeLabel} is zero, so the share cannot be computed`);
      else if (part > whole)
        problems.push(`${field.label}: ${partLabel} is more than ${wholeLabel} (over 100%)`);
    } else if (options.requireBases && typeof part === 'number' && (whole === null || whole === undefined)) {
      problems.push(`${field.label}: enter ${wholeLabel} so the share can be computed`);
    }
  }
  if (problems.length > 0) return refuse('VALIDATION', problems.join('; '), { problems });
  return ok(values);
}
