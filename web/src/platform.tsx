import { createContext, type ReactNode, useContext } from 'react';
import { api, type PublicOverview, type Role, type Session } from './api.ts';
import { type Remote, useRemote } from './use-remote.ts';

interface Platform {
  /** Who is looking: anonymous visitors and a failed session check both count as the public. */
  role: Role;
  displayName: string | undefined;
  overview: Remote<PublicOverview> & { retry(): void };
}

const PlatformContext = createContext<Platform | null>(null);

// Module-level so their identities never change and useRemote loads each once.
const loadSession = (signal: AbortSignal) => api.session(signal);
const loadOverview = (signal: AbortSignal) => api.publicOverview(signal);

function sessionOf(remote: Remote<Session>): Session {
  return remote.state === 'ok' ? remote.data : { role: 'public' };
}

/** Loads what every page shares once per visit: the viewer's session and the city's public overview. */
export function PlatformProvider({ children }: { children: ReactNode }) {
  const session = sessionOf(useRemote(loadSession));
  const overview = useRemote(loadOverview);
  return (
    <PlatformContext.Provider value={{ role: session.role, displayName: session.displayName, overview }}>
      {children}
    </PlatformContext.Provider>
  );
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform must be called inside <PlatformProvider>');
  return platform;
}
