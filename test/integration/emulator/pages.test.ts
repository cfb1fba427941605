import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorMessage, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const CANVAS = {
  horizontalSections: [
    {
      id: '1',
      layout: 'oneColumn',
      emphasis: 'none',
      columns: [
        {
          id: '1',
          width: 12,
          webparts: [
            { '@odata.type': '#microsoft.graph.textWebPart', innerHtml: '<h2>Q3 policy</h2><p>Text</p>' },
          ],
        },
      ],
    },
  ],
};
const PAGE = {
  '@odata.type': '#microsoft.graph.sitePage',
  name: 'q3-policy.aspx',
  title: 'Q3 policy',
  pageLayout: 'article',
  canvasLayout: CANVAS,
};

describe('site pages', () => {
  it('creates a page: 201 in checkout 0.1 with webUrl under SitePages', async () => {
    const r = await h.call('POST', `${h.site}/pages`, PAGE);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      name: 'q3-policy.aspx',
      title: 'Q3 policy',
      webUrl: 'https://contoso.sharepoint.com/sites/Plans/SitePages/q3-policy.aspx',
      publishingState: { level: 'checkout', versionId: '0.1' },
    });
    expect(r.json['id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a page without @odata.type, or with an unsupported web part', async () => {
    const { ['@odata.type']: _omit, ...untyped } = PAGE;
    const r = await h.call('POST', `${h.site}/pages`, untyped);
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('@odata.type');
    const odd = structuredClone(CANVAS);
    const column = odd.horizontalSections[0]?.columns[0];
    if (column !== undefined)
      column.webparts = [{ '@odata.type': '#microsoft.graph.scriptEditor', innerHtml: '' }];
    expect((await h.call('POST', `${h.site}/pages`, { ...PAGE, canvasLayout: odd })).status).toBe(400);
  });

  it('refuses a second page with the same name', async () => {
    await h.call('POST', `${h.site}/pages`, PAGE);
    expect((await h.call('POST', `${h.site}/pages`, PAGE)).status).toBe(409);
  });

  it('reads the canvas back exactly as posted with $expand=canvasLayout', async () => {
    const id = String((await h.call('POST', `${h.site}/pages`, PAGE)).json['id']);
    const plain = await h.call('GET', `${h.site}/pages/${id}`);
    expect(plain.json).not.toHaveProperty('canvasLayout');
    const full = await h.call('GET', `${h.site}/pages/${id}/microsoft.graph.sitePage?$expand=canvasLayout`);
    expect(full.json['canvasLayout']).toEqual(CANVAS);
  });

  it('publishes: 204, then the page is published at a major version', async () => {
    const id = String((await h.call('POST', `${h.site}/pages`, PAGE)).json['id']);
    const pub = await h.call('POST', `${h.site}/pages/${id}/microsoft.graph.sitePage/publish`);
    expect(pub.status).toBe(204);
    expect(pub.text).toBe('');
    const after = await h.call('GET', `${h.site}/pages/${id}`);
    expect(after.json['publishingState']).toEqual({ level: 'published', versionId: '1.0' });
    expect((await h.call('POST', `${h.site}/pages/nope/microsoft.graph.sitePage/publish`)).status).toBe(404);
  });
});
