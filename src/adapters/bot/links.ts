/**
 * Links from cards into the tab. The tab routes on the hash (`#/plans/{id}/versions/{n}`), so outside Teams
 * (local mode, a browser) a link is the tab's address with that hash. In a tenant, when the app's catalog
 * id is known, a link is a Teams deep link to the Plans tab with the same path as its sub-entity id:
 * Teams on a phone opens it in the app's tab (signed in), not in a browser where single sign-on cannot
 * work; the tab reads the path from `context.page.subPageId`. The web address rides along as `webUrl`,
 * for clients that cannot show the tab.
 */

/** The Plans tab's `entityId` in manifest/manifest.json. */
export const PLANS_TAB_ENTITY_ID = 'plans';

export interface TeamsTab {
  /** The app's id as Teams deep links need it: the tenant catalog's id for an app published there. */
  readonly appId: string;
  readonly entityId: string;
}

export class TabLinks {
  constructor(
    private readonly publicUrl: string,
    private readonly teams: TeamsTab | null = null,
  ) {}

  plan(planId: string): string {
    return this.link(planPath(planId));
  }

  section(planId: string, sectionKey: string): string {
    return this.link(`${planPath(planId)}/sections/${encodeURIComponent(sectionKey)}`);
  }

  /** The exact version approvers are asked about. */
  version(planId: string, version: number): string {
    return this.link(`${planPath(planId)}/versions/${version}`);
  }

  kpis(planId: string): string {
    return this.link(`${planPath(planId)}/kpis`);
  }

  kpi(planId: string, kpiId: string): string {
    return this.link(`${planPath(planId)}/kpis/${encodeURIComponent(kpiId)}`);
  }

  private link(path: string): string {
    const web = `${this.publicUrl}/#${path}`;
    if (!this.teams) return web;
    const query = new URLSearchParams({
      webUrl: web,
      label: 'Plan Builder',
      context: JSON.stringify({ subEntityId: path }),
    });
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(this.teams.appId)}/${encodeURIComponent(this.teams.entityId)}?${query.toString()}`;
  }
}

const planPath = (planId: string): string => `/plans/${encodeURIComponent(planId)}`;

/** How Teams names a user in `refresh.userIds`: their Entra object id as an org MRI. */
export const teamsUserMri = (aadObjectId: string): string => `8:orgid:${aadObjectId}`;
