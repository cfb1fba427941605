/**
 * The tab's shell: finds out where it runs, signs in (Teams SSO, or the local "acting as" picker), then
 * shows the view the hash names. Views load on demand so the first paint carries only this.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PersonDto, SessionInfo } from '../../shared/api.js';
import { ApiClient } from '../api/client.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Loading } from '../components/Loading.js';
import { useTouchTargets } from '../components/layout/touch-targets.js';
import { detectHost, type Host, type ThemeName } from '../host/host.js';
import { ActingAsBar, rememberedActingAs, rememberActingAs } from './ActingAsBar.js';
import { SessionContext, type TabSession } from './context.js';
import { Shell } from './Shell.js';
import { navigate } from './use-route.js';

const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function App() {
  useTouchTargets();
  const [host, setHost] = useState<Host | null>(null);
  const [theme, setTheme] = useState<ThemeName>('light');
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    detectHost().then(
      (found) => {
        setHost(found);
        setTheme(found.theme);
        found.onThemeChange(setTheme);
        if (found.initialHash) navigate(found.initialHash);
      },
      (error: unknown) => setFailure(error),
    );
  }, []);
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      {failure ? (
        <ErrorNotice error={failure} onRetry={() => window.location.reload()} />
      ) : host ? (
        <SignIn host={host} />
      ) : (
        <Loading label="Starting Plan Builder…" />
      )}
    </FluentProvider>
  );
}

function SignIn({ host }: { host: Host }) {
  const actingAs = useRef<string | null>(rememberedActingAs());
  const [actingAsId, setActingAsId] = useState(actingAs.current);
  const api = useMemo(
    () =>
      new ApiClient(async (): Promise<Record<string, string>> => {
        if (host.kind === 'teams') return { Authorization: `Bearer ${await host.getToken()}` };
        return actingAs.current ? { 'x-pb-dev-user': actingAs.current } : {};
      }),
    [host],
  );
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [people, setPeople] = useState<readonly PersonDto[] | null>(null);
  const [playgrounds, setPlaygrounds] = useState<Readonly<Record<string, string>>>({});
  const [me, setMe] = useState<PersonDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    (async () => {
      const info = await api.session();
      if (!live) return;
      setSession(info);
      if (host.kind === 'browser') {
        if (!info.devIdentity) return;
        const { people: demo, playgrounds: seats } = await api.devPeople();
        if (!live) return;
        setPeople(demo);
        setPlaygrounds(seats);
        if (!actingAs.current || !demo.some((p) => p.id === actingAs.current)) {
          actingAs.current = demo[0]?.id ?? null;
          setActingAsId(actingAs.current);
        }
      }
      const signedIn = await api.me();
      if (live) setMe(signedIn.person);
    })().catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [api, host, attempt, actingAsId]);

  const choose = (id: string) => {
    actingAs.current = id;
    rememberActingAs(id);
    setMe(null);
    setActingAsId(id);
  };

  if (host.problem) return <Notice title="Cannot connect to Teams" text={host.problem} />;
  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (session && host.kind === 'browser' && !session.devIdentity) {
    return (
      <Notice
        title="Open Plan Builder in Teams"
        text="This server runs for your organisation and signs you in through Microsoft Teams. Open the Plan Builder tab in Teams."
      />
    );
  }
  const bar =
    host.kind === 'browser' && people && actingAsId ? (
      <ActingAsBar
        people={people}
        selected={actingAsId}
        onChange={choose}
        playgroundUrl={playgrounds[actingAsId] ?? null}
      />
    ) : null;
  if (!session || !me) {
    return (
      <>
        {bar}
        <Loading label="Signing in…" />
      </>
    );
  }
  const value: TabSession = { api, host, session, me };
  return (
    <SessionContext.Provider value={value}>
      {bar}
      <Shell key={me.id} />
    </SessionContext.Provider>
  );
}

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <MessageBar intent="warning" layout="multiline" style={{ margin: 24 }}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
