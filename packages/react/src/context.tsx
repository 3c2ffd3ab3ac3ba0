import {
  createContext, useContext, useEffect, useMemo, useState, type ReactNode,
} from 'react';
import {
  createClient, type ClientOptions, type Session, type User, type WatchwordClient,
} from '@watchword/client';

interface WatchwordState {
  client: WatchwordClient;
  session: Session | null;
  isLoading: boolean;
}

const WatchwordContext = createContext<WatchwordState | null>(null);

/** Props of {@link WatchwordProvider}: a client you made, or the options to make one. */
export type WatchwordProviderProps =
  | { client: WatchwordClient; options?: never; children?: ReactNode }
  | { options: ClientOptions; client?: never; children?: ReactNode };

/** Makes the client and its session available to the hooks and components below it. */
export function WatchwordProvider(props: WatchwordProviderProps) {
  const { client: given, options } = props;
  // The options are read once, as a client reads them once: a new object on each render makes no new client.
  const client = useMemo(() => given ?? createClient(options!), [given]);
  const [state, setState] = useState<{ session: Session | null; isLoading: boolean }>(
    { session: null, isLoading: true });

  useEffect(() => {
    let live = true;
    const unsubscribe = client.onAuthStateChange((_event, session) => {
      if (live) setState({ session, isLoading: false });
    });
    void client.getSession().then((session) => {
      if (live) setState({ session, isLoading: false });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  const value = useMemo(() => ({ client, ...state }), [client, state]);
  return <WatchwordContext.Provider value={value}>{props.children}</WatchwordContext.Provider>;
}

function useWatchwordState(): WatchwordState {
  const state = useContext(WatchwordContext);
  if (!state) throw new Error('Watchword hooks need a <WatchwordProvider> above them');
  return state;
}

/** The client, for the flows the components do not cover. */
export function useWatchword(): WatchwordClient {
  return useWatchwordState().client;
}

/** The current session (`null` when signed out) and whether it is still being read from storage. */
export function useSession(): { session: Session | null; isLoading: boolean } {
  const { session, isLoading } = useWatchwordState();
  return { session, isLoading };
}

/** The signed-in user's profile, fetched when the session starts and again on `reload()`. */
export function useUser(): { user: User | null; isLoading: boolean; error: Error | null; reload: () => void } {
  const { client, session, isLoading: sessionLoading } = useWatchwordState();
  const [state, setState] = useState<{ user: User | null; isLoading: boolean; error: Error | null }>(
    { user: null, isLoading: true, error: null });
  const [generation, setGeneration] = useState(0);
  const userId = session?.userId;

  useEffect(() => {
    if (sessionLoading) return undefined;
    if (!userId) {
      setState({ user: null, isLoading: false, error: null });
      return undefined;
    }
    let live = true;
    setState((previous) => ({ ...previous, isLoading: true, error: null }));
    client.getUser().then(
      (user) => { if (live) setState({ user, isLoading: false, error: null }); },
      (error: unknown) => {
        if (live) setState({ user: null, isLoading: false, error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => { live = false; };
  }, [client, userId, sessionLoading, generation]);

  return { ...state, reload: () => setGeneration((n) => n + 1) };
}

/** Renders its children only while a user is signed in. */
export function SignedIn({ children }: { children?: ReactNode }) {
  const { session, isLoading } = useSession();
  return !isLoading && session ? <>{children}</> : null;
}

/** Renders its children only while nobody is signed in (and the session has been read). */
export function SignedOut({ children }: { children?: ReactNode }) {
  const { session, isLoading } = useSession();
  return !isLoading && !session ? <>{children}</> : null;
}
