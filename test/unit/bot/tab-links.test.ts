/**
 * The links cards carry into the tab: a web address with the route in its hash outside Teams, and in a
 * tenant a Teams deep link to the Plans tab whose sub-entity id is the same route, which the tab reads
 * back (`routeFromSubPage`) and opens — on a phone inside Teams rather than in a browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLANS_TAB_ENTITY_ID, TabLinks } from '../../../src/adapters/bot/links.js';
import { parseRoute, routeFromSubPage } from '../../../src/tab/app/routes.js';

const APP = '0d7c1d4e-5d3b-4e8e-9a61-3f3f2b1c9a10';
const teams = new TabLinks('https://plans.example', { appId: APP, entityId: PLANS_TAB_ENTITY_ID });
const web = new TabLinks('https://plans.example');

/** What the tab opens for a Teams deep link: Teams hands it the context's subEntityId as subPageId. */
function openedInTeams(link: string) {
  const url = new URL(link);
  const context = JSON.parse(url.searchParams.get('context')!) as { subEntityId: string };
  const hash = routeFromSubPage(context.subEntityId);
  return { url, route: hash === null ? null : parseRoute(hash) };
}

describe('links from cards into the tab', () => {
  it('outside Teams, opens the tab at the route in the hash', () => {
    expect(web.version('plan 1', 2)).toBe('https://plans.example/#/plans/plan%201/versions/2');
    expect(web.kpi('p1', 'k/1')).toBe('https://plans.example/#/plans/p1/kpis/k%2F1');
  });

  it('in a tenant, is a Teams deep link to the Plans tab that opens the same view', () => {
    const version = openedInTeams(teams.version('plan 1/x', 3));
    expect(version.url.origin + version.url.pathname).toBe(
      `https://teams.microsoft.com/l/entity/${APP}/${PLANS_TAB_ENTITY_ID}`,
    );
    expect(version.route).toEqual({ name: 'version', planId: 'plan 1/x', version: 3 });
    expect(version.url.searchParams.get('webUrl')).toBe(web.version('plan 1/x', 3));
    expect(openedInTeams(teams.plan('p1')).route).toEqual({ name: 'plan', planId: 'p1' });
    expect(openedInTeams(teams.section('p1', 'theme-1')).route).toEqual({
      name: 'section',
      planId: 'p1',
      sectionKey: 'theme-1',
    });
    expect(openedInTeams(teams.kpis('p1')).route).toEqual({ name: 'kpis', planId: 'p1' });
    expect(openedInTeams(teams.kpi('p1', 'k/1')).route).toEqual({ name: 'kpi', planId: 'p1', kpiId: 'k/1' });
  });

  it('names the Plans tab as the manifest declares it', () => {
    const manifest = JSON.parse(readFileSync('manifest/manifest.json', 'utf8')) as {
      staticTabs: { entityId: string; contentUrl?: string }[];
    };
    const tab = manifest.staticTabs.find((t) => t.entityId === PLANS_TAB_ENTITY_ID);
    expect(tab?.contentUrl).toMatch(/#\/plans$/);
  });
});
