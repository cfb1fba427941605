/** Links from cards into the tab. Outside Teams they open the tab in a browser; the tab routes on the hash. */
export class TabLinks {
  constructor(private readonly publicUrl: string) {}

  plan(planId: string): string {
    return `${this.publicUrl}/#/plans/${encodeURIComponent(planId)}`;
  }

  section(planId: string, sectionKey: string): string {
    return `${this.plan(planId)}/sections/${encodeURIComponent(sectionKey)}`;
  }

  /** The exact version approvers are asked about. */
  version(planId: string, version: number): string {
    return `${this.plan(planId)}/versions/${version}`;
  }
}

/** How Teams names a user in `refresh.userIds`: their Entra object id as an org MRI. */
export const teamsUserMri = (aadObjectId: string): string => `8:orgid:${aadObjectId}`;
