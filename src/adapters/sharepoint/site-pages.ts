/** A SharePoint page per published plan: created with one text web part, then published. */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { SitePagePublisher, SitePageReader } from '../../ports/publishing.js';

interface PageSummary {
  readonly id: string;
  readonly name: string;
  readonly webUrl: string;
}

export class SharePointSitePages implements SitePagePublisher, SitePageReader {
  constructor(
    private readonly client: Client,
    private readonly siteId: string,
  ) {}

  private async existing(name: string): Promise<PageSummary | null> {
    const pages = (await this.client.api(`/sites/${this.siteId}/pages`).select('id,name,webUrl').get()) as {
      value: PageSummary[];
    };
    return pages.value.find((p) => p.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  async publish(name: string, title: string, htmlBody: string): Promise<{ webUrl: string }> {
    let page: PageSummary;
    try {
      page = (await this.client.api(`/sites/${this.siteId}/pages`).post({
        '@odata.type': '#microsoft.graph.sitePage',
        name,
        title,
        pageLayout: 'article',
        canvasLayout: {
          horizontalSections: [
            {
              id: '1',
              layout: 'oneColumn',
              emphasis: 'none',
              columns: [
                {
                  id: '1',
                  width: 12,
                  webparts: [{ '@odata.type': '#microsoft.graph.textWebPart', innerHtml: htmlBody }],
                },
              ],
            },
          ],
        },
      })) as PageSummary;
    } catch (error) {
      // A retried publication finds the page it made the first time: the same version's page is the same page.
      if (!(error instanceof GraphError && error.statusCode === 409)) throw error;
      const found = await this.existing(name);
      if (!found) throw error;
      page = found;
    }
    await this.client.api(`/sites/${this.siteId}/pages/${page.id}/microsoft.graph.sitePage/publish`).post({});
    return { webUrl: page.webUrl };
  }

  /** The page's title and the text web parts' HTML, in order (Graph returns the canvas only on $expand). */
  async read(name: string): Promise<{ title: string; htmlBody: string } | null> {
    const found = await this.existing(name);
    if (!found) return null;
    const page = (await this.client
      .api(`/sites/${this.siteId}/pages/${found.id}/microsoft.graph.sitePage`)
      .expand('canvasLayout')
      .get()) as {
      title?: string;
      canvasLayout?: {
        horizontalSections?: { columns?: { webparts?: { innerHtml?: string }[] }[] }[];
      };
    };
    const html = (page.canvasLayout?.horizontalSections ?? [])
      .flatMap((section) => section.columns ?? [])
      .flatMap((column) => column.webparts ?? [])
      .map((part) => part.innerHtml ?? '')
      .join('\n');
    return { title: page.title ?? found.name, htmlBody: html };
  }
}
