/**
 * The Adaptive Card 1.5 check for the KPI cards. schema-1-5.ts covers the types the other cards use and
 * refuses any other; the check-in card also has Input.Number. Each Input.Number is checked here against
 * its transcription from the 1.5 JSON schema (Input.Number plus Extendable.Input), then stood in for by
 * an Input.Text with the same id and label so the rest of the card goes through the shared check.
 */
import { z } from 'zod';
import { checkCard, type SchemaCheck } from './schema-1-5.js';

const inputNumber = z.strictObject({
  type: z.literal('Input.Number'),
  id: z.string(),
  max: z.number().optional(),
  min: z.number().optional(),
  placeholder: z.string().optional(),
  value: z.number().optional(),
  errorMessage: z.string().optional(),
  isRequired: z.boolean().optional(),
  label: z.string().optional(),
  fallback: z.unknown().optional(),
  height: z.enum(['auto', 'stretch']).optional(),
  separator: z.boolean().optional(),
  spacing: z.enum(['default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding']).optional(),
  isVisible: z.boolean().optional(),
  requires: z.record(z.string(), z.string()).optional(),
});

export function checkKpiCard(json: unknown): SchemaCheck {
  const problems: string[] = [];
  const standIn = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((child, i) => standIn(child, `${path}.${i}`));
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Input.Number') {
      const parsed = inputNumber.safeParse(record);
      if (!parsed.success)
        problems.push(
          ...parsed.error.issues.map((issue) => `${path}.${issue.path.join('.')}: ${issue.message}`),
        );
      const { id, label } = record;
      return { type: 'Input.Text', id, ...(label === undefined ? {} : { label }) };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, standIn(v, `${path}.${k}`)]));
  };
  const rest = checkCard(standIn(json, ''));
  return { ok: problems.length === 0 && rest.ok, problems: [...problems, ...rest.problems] };
}
