/** A new KPI's unit follows what its name says: a percentage is offered as a percentage, not £ or a count. */
import { describe, expect, it } from 'vitest';
import { unitSaidBy } from '../../../src/tab/views/kpis/kpi-format.js';

describe('the unit a KPI name says', () => {
  it.each([
    ['% of spend with local firms', 'percent'],
    ['Percentage of calls answered within a minute', 'percent'],
    ['Proportion of homes with fibre', 'percent'],
    ['Share of journeys by bus', 'percent'],
    ['Per cent recycled', 'percent'],
    ['£ saved through shared services', 'currency-gbp'],
    ['Volunteer hours', 'hours'],
  ])('"%s" is in %s', (name, unit) => {
    expect(unitSaidBy(name)).toBe(unit);
  });

  it.each(['Online transactions', 'Homes built', 'Repairs per ward', 'Spend rate review'])(
    '"%s" says no unit',
    (name) => {
      expect(unitSaidBy(name)).toBeNull();
    },
  );
});
