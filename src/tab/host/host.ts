/**
 * Where the tab runs. In Teams: teams-js for context, theme and SSO. Outside (local mode in a browser):
 * no teams-js at all. The decision is made at once — `app.initialize()` outside Teams only fails after
 * 60 seconds — from whether the page is framed, or the manifest's `?inTeams=1` flag (Teams mobile
 * does not frame tabs).
 */
import { routeFromSubPage } from '../app/routes.js';

export type ThemeName = 'light' | 'dark' | 'contrast';

export interface Host {
  readonly kind: 'teams' | 'browser';
  readonly theme: ThemeName;
  /** teams-js `app.host.clientType` ("desktop", "web", "android", "ios", …); null outside Teams. */
  readonly clientType: string | null;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** An SSO token for the API (Teams only). */
  getToken(): Promise<string>;
  /** A deep link's target inside Teams, as a hash route. */
  readonly initialHash: string | null;
  /** Set when the page is framed but Teams never answered. */
  readonly problem: string | null;
}

const TEAMS_TIMEOUT_MS = 8_000;

export function looksLikeTeams(win: Window): boolean {
  const flagged = new URLSearchParams(win.location.search).get('inTeams') === '1';
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    framed = true; // a cross-origin parent: certainly framed
  }
  return flagged || framed;
}

function teamsTheme(name: string | undefined): ThemeName {
  return name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light';
}

function browserHost(problem: string | null): Host {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const forced = window.matchMedia('(forced-colors: active)');
  const current = (): ThemeName => (forced.matches ? 'contrast' : dark.matches ? 'dark' : 'light');
  return {
    kind: 'browser',
    theme: current(),
    clientType: null,
    onThemeChange(handler) {
      const changed = () => handler(current());
      dark.addEventListener('change', changed);
      forced.addEventListener('change', changed);
    },
    getToken: () => Promise.reject(new Error('Single sign-on is only available inside Teams.')),
    initialHash: null,
    problem,
  };
}

export async function detectHost(): Promise<Host> {
  if (!looksLikeTeams(window)) return browserHost(null);
  const { app, authentication } = await import('@microsoft/teams-js');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), TEAMS_TIMEOUT_MS));
  const initialized = await Promise.race([app.initialize().then(() => 'ok' as const), timeout]).catch(
    () => 'failed' as const,
  );
  if (initialized !== 'ok') {
    return browserHost(
      'This page is inside a frame, but Microsoft Teams did not answer. Open Plan Builder from its tab in Teams.',
    );
  }
  const context = await app.getContext();

  return {
    kind: 'teams',
    theme: teamsTheme(context.app.theme),
    clientType: context.app.host.clientType,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((name) => handler(teamsTheme(name))),
    getToken: () => authentication.getAuthToken(),
    initialHash: routeFromSubPage(context.page.subPageId),
    problem: null,
  };
}
