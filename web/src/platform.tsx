import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, isRole, type PublicOverview, type Role, type Session, setCsrfToken } from './api.ts';
import { type Remote, useRemote } from './use-remote.ts';

interface Platform {
  /** Who is looking: anonymous visitors and a failed session check both count as the public. */
  role: Role;
  displayName: string | undefined;
  /** The whole session answer, or the public's when no one is signed in. */
  session: Session;
  /** True until the first session answer arrives, so pages do not flash the public's view. */
  sessionLoading: boolean;
  /** Reads the session again (after signing out, verifying, changing the password); resolves when read. */
  refreshSession(): Promise<void>;
  /** Takes a session answer the server gave directly (signing in answers one). */
  adoptSession(session: Session): void;
  can(permission: string): boolean;
  overview: Remote<PublicOverview> & { retry(): void };
}

const PlatformContext = createContext<Platform | null>(null);

// Module-level so its identity never changes and useRemote loads it once.
const loadOverview = (signal: AbortSignal) => api.publicOverview(signal);

const publicSession: Session = { role: 'public', permissions: [], signIn: { sso: false, realName: 'local' } };

/** Loads what every page shares once per visit: the viewer's session and the city's public overview. */
export function PlatformProvider({ children }: { children: ReactNode }) {
  const overview = useRemote(loadOverview);
  // The last answer stands while the session is read again, so the navigation never flickers to the public's.
  const [current, setCurrent] = useState<{ session: Session; loaded: boolean }>({
    session: publicSession,
    loaded: false,
  });
  const adoptSession = useCallback((session: Session) => {
    // Before any child's next request, so its first write already carries the token.
    setCsrfToken(session.csrfToken);
    setCurrent({ session, loaded: true });
  }, []);
  const refreshSession = useCallback(async () => {
    adoptSession(await api.session().catch(() => publicSession));
  }, [adoptSession]);
  useEffect(() => {
    void refreshSession();
  }, [refreshSession]);

  const value = useMemo<Platform>(() => {
    const { session } = current;
    const permissions = new Set(session.permissions);
    return {
      role: isRole(session.role) ? session.role : 'public',
      displayName: session.displayName,
      session,
      sessionLoading: !current.loaded,
      refreshSession,
      adoptSession,
      can: (permission) => permissions.has(permission),
      overview,
    };
  }, [current, refreshSession, adoptSession, overview]);
  return <PlatformContext.Provider value={value}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform must be called inside <PlatformProvider>');
  return platform;
}
