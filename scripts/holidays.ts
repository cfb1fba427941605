/**
 * `npm run holidays -- --file bank-holidays.json [--division england-and-wales] [--calendar <data file>]`
 * Updates the bank holiday calendar from a saved copy of https://www.gov.uk/bank-holidays.json: years the
 * feed lists in full replace the calendar's, the rest are kept. Nothing is written if anything is wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_CALENDAR_FILE, loadCalendar } from '../src/templates/calendar-load.js';
import { calendarFileText, importGovUkDivision, parseGovUkFeed } from '../src/templates/gov-uk-holidays.js';

function run(): string {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      division: { type: 'string', default: 'england-and-wales' },
      calendar: { type: 'string', default: DEFAULT_CALENDAR_FILE },
    },
  });
  if (values.file === undefined)
    throw new Error('Usage: npm run holidays -- --file bank-holidays.json [--division england-and-wales]');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.file, 'utf8'));
  } catch (error) {
    throw new Error(`${values.file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const current = loadCalendar(values.calendar);
  const result = importGovUkDivision(parseGovUkFeed(raw), values.division, current);
  writeFileSync(values.calendar, calendarFileText(result.calendar));
  const c = result.calendar;
  return [
    `${values.calendar}: ${c.region} bank holidays now cover ${c.firstYear}–${c.lastYear} (${c.holidays.length} days).`,
    `  from the feed: ${result.importedYears.join(', ')}`,
    `  changed: ${result.changedYears.length === 0 ? 'nothing' : result.changedYears.join(', ')}`,
    ...(result.partialYears.length === 0
      ? []
      : [`  not imported, too few holidays listed (a partial year): ${result.partialYears.join(', ')}`]),
  ].join('\n');
}

try {
  console.log(run());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
