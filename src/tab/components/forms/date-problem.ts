/**
 * What is wrong with a date typed into a DateInput: not a date, missing when required, or before a date
 * it may not precede. Pure, so the forms' problem lists can be tested without a browser.
 */
export function dateProblem(
  label: string,
  value: string,
  notADate: boolean,
  options: { required?: boolean; notBefore?: { date: string; words: string } } = {},
): string | null {
  if (notADate) return `${label}: that is not a date. Use the calendar or type day, month and year.`;
  if (value === '') return options.required ? `${label}: give a date.` : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${label}: that is not a date.`;
  if (options.notBefore && value < options.notBefore.date) return `${label} is ${options.notBefore.words}.`;
  return null;
}
