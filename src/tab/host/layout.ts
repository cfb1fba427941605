/**
 * Which layout the tab uses, decided from the host's form factor (teams-js `app.host.clientType`) and
 * the width the tab has. Teams on a phone (Android, iOS) and Teams phones and displays get the compact
 * layout whatever their width: touch first, the member's own actions first. Everything else (desktop,
 * web, macOS, an iPad, a browser outside Teams) is compact only when the panel is narrow.
 */
export type Layout = 'compact' | 'regular';

/** The client types whose screens are small and touched: always compact. */
const PHONE_CLIENTS: ReadonlySet<string> = new Set(['android', 'ios', 'teamsPhones', 'teamsDisplays']);

/** The width below which any host lays out for a phone (the tab's `NARROW` media query). */
export const NARROW_MAX_PX = 640;

/**
 * @param clientType teams-js `HostClientType` as a string, or null outside Teams.
 * @param width the tab's viewport width in CSS px.
 */
export function layoutFor(clientType: string | null, width: number): Layout {
  if (clientType !== null && PHONE_CLIENTS.has(clientType)) return 'compact';
  return width <= NARROW_MAX_PX ? 'compact' : 'regular';
}
