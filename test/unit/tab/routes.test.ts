import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TabLinks } from '../../../src/adapters/bot/links.js';
import { hrefFor, parseRoute, routeFromSubPage, type Route } from '../../../src/tab/app/routes.js';

describe('tab routes', () => {
  it('routes every link the bot puts in cards to the right view', () => {
    const links = new TabLinks('https://plans.example');
    const hashOf = (url: string) => url.slice(url.indexOf('#'));
    expect(parseRoute(hashOf(links.plan('plan 1/x')))).toEqual({ name: 'plan', planId: 'plan 1/x' });
    expect(parseRoute(hashOf(links.section('p1', 'theme-1-transformation')))).toEqual({
      name: 'section',
      planId: 'p1',
      sectionKey: 'theme-1-transformation',
    });
    expect(parseRoute(hashOf(links.section('p1', 'report.summary')))).toMatchObject({
      sectionKey: 'report.summary',
    });
    expect(parseRoute(hashOf(links.version('p1', 7)))).toEqual({ name: 'version', planId: 'p1', version: 7 });
    // Version 0 is the draft before the first approval round.
    expect(parseRoute('#/plans/p1/versions/0')).toEqual({ name: 'version', planId: 'p1', version: 0 });
  });

  it('treats anything else as not found, without throwing', () => {
    for (const hash of [
      '#/elsewhere',
      '#/plans/p1/sections',
      '#/plans/p1/versions/01',
      '#/plans/p1/versions/-1',
      '#/plans/p1/versions/x',
      '#/plans/%E0%A4%A',
    ]) {
      expect(parseRoute(hash).name).toBe('not-found');
    }
    expect(parseRoute('')).toEqual({ name: 'plans' });
    expect(parseRoute('#/plans')).toEqual({ name: 'plans' });
  });

  it('round-trips any plan id and section key through a link', () => {
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');
    const route: fc.Arbitrary<Route> = fc.oneof(
      text.map((planId) => ({ name: 'plan' as const, planId })),
      fc.tuple(text, text).map(([planId, sectionKey]) => ({ name: 'section' as const, planId, sectionKey })),
      text.map((planId) => ({ name: 'approvals' as const, planId })),
      fc
        .tuple(text, fc.integer({ min: 1, max: 99_999 }))
        .map(([planId, version]) => ({ name: 'version' as const, planId, version })),
    );
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(hrefFor(r))).toEqual(r);
      }),
    );
  });

  it('takes a Teams deep link’s sub-page id as a route, and ignores junk', () => {
    expect(routeFromSubPage('/plans/p1/sections/foreword')).toBe('#/plans/p1/sections/foreword');
    expect(routeFromSubPage('plans/p1')).toBe('#/plans/p1');
    expect(routeFromSubPage('javascript:alert(1)')).toBeNull();
    expect(routeFromSubPage(undefined)).toBeNull();
  });
});
