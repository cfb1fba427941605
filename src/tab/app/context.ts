import { createContext, useContext } from 'react';
import type { PersonDto, SessionInfo } from '../../shared/api.js';
import type { ApiClient } from '../api/client.js';
import type { Host } from '../host/host.js';

export interface TabSession {
  readonly api: ApiClient;
  readonly host: Host;
  readonly session: SessionInfo;
  readonly me: PersonDto;
}

export const SessionContext = createContext<TabSession | null>(null);

export function useSession(): TabSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in tab');
  return session;
}
