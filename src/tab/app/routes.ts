/**
 * The tab routes on the location hash, so the links the bot puts in cards (`/#/plans/{id}`,
 * `/#/plans/{id}/sections/{key}`, `/#/plans/{id}/versions/{n}`) open the right view, in Teams or not.
 */
export type Route =
  | { readonly name: 'plans' }
  | { readonly name: 'plan'; readonly planId: string }
  | { readonly name: 'section'; readonly planId: string; readonly sectionKey: string }
  | { readonly name: 'approvals'; readonly planId: string }
  | { readonly name: 'settings'; readonly planId: string }
  | { readonly name: 'version'; readonly planId: string; readonly version: number }
  | { readonly name: 'kpis'; readonly planId: string }
  | { readonly name: 'kpi'; readonly planId: string; readonly kpiId: string }
  | { readonly name: 'progress'; readonly planId: string; readonly periodKey: string | null }
  | { readonly name: 'not-found'; readonly path: string };

function decode(part: string): string | null {
  try {
    const value = decodeURIComponent(part);
    return value.trim() === '' ? null : value;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter((part) => part !== '');
  if (parts.length === 0) return { name: 'plans' };
  const notFound: Route = { name: 'not-found', path };
  if (parts[0] !== 'plans') return notFound;
  if (parts.length === 1) return { name: 'plans' };
  const planId = decode(parts[1]!);
  if (planId === null) return notFound;
  if (parts.length === 2) return { name: 'plan', planId };
  if (parts.length === 3 && parts[2] === 'approvals') return { name: 'approvals', planId };
  if (parts.length === 3 && parts[2] === 'settings') return { name: 'settings', planId };
  if (parts.length === 3 && parts[2] === 'kpis') return { name: 'kpis', planId };
  if (parts.length === 3 && parts[2] === 'progress') return { name: 'progress', planId, periodKey: null };
  if (parts.length === 4 && (parts[2] === 'kpis' || parts[2] === 'progress')) {
    const key = decode(parts[3]!);
    if (key === null) return notFound;
    return parts[2] === 'kpis'
      ? { name: 'kpi', planId, kpiId: key }
      : { name: 'progress', planId, periodKey: key };
  }
  if (parts.length === 4 && parts[2] === 'sections') {
    const sectionKey = decode(parts[3]!);
    return sectionKey === null ? notFound : { name: 'section', planId, sectionKey };
  }
  if (parts.length === 4 && parts[2] === 'versions' && /^(0|[1-9]\d{0,8})$/.test(parts[3]!)) {
    return { name: 'version', planId, version: Number(parts[3]) };
  }
  return notFound;
}

export function hrefFor(route: Route): string {
  const plan = (id: string) => `#/plans/${encodeURIComponent(id)}`;
  switch (route.name) {
    case 'plans':
      return '#/';
    case 'plan':
      return plan(route.planId);
    case 'section':
      return `${plan(route.planId)}/sections/${encodeURIComponent(route.sectionKey)}`;
    case 'approvals':
      return `${plan(route.planId)}/approvals`;
    case 'settings':
      return `${plan(route.planId)}/settings`;
    case 'version':
      return `${plan(route.planId)}/versions/${route.version}`;
    case 'kpis':
      return `${plan(route.planId)}/kpis`;
    case 'kpi':
      return `${plan(route.planId)}/kpis/${encodeURIComponent(route.kpiId)}`;
    case 'progress':
      return `${plan(route.planId)}/progress${route.periodKey ? `/${encodeURIComponent(route.periodKey)}` : ''}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Teams passes a deep link's target as the page's sub-page id; accept the same paths as the hash. */
export function routeFromSubPage(subPageId: string | undefined): string | null {
  if (!subPageId) return null;
  const path = subPageId.startsWith('/') ? subPageId : `/${subPageId}`;
  return parseRoute(`#${path}`).name === 'not-found' ? null : `#${path}`;
}
