/**
 * @module What every console page reads: the API client, the browser effects, the signed-in user
 * and the kept query (`region`, `locale`). Session expiry is handled here once: a 401 from any
 * call sends the browser to the login page.
 */
import { createContext } from 'preact';
import { useCallback, useContext } from 'preact/hooks';
import type { ConsoleApi } from '../api/console-api';
import { ConsoleApiError } from '../api/console-api-error';
import type { ConsoleUser } from '../api/contract';
import { browserPlatform, type Platform } from '../lib/platform';
import { loginHref, type ConsoleQuery } from '../lib/url';

export interface ConsoleContextValue {
  api: ConsoleApi;
  platform: Platform;
  query: ConsoleQuery;
  /** Undefined only on the login page. */
  user?: ConsoleUser;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole() outside <ConsoleContext.Provider>');
  return value;
}

/** The signed-in user; pages under the console shell only render once there is one. */
export function useUser(): ConsoleUser {
  const { user } = useConsole();
  if (!user) throw new Error('useUser() before sign-in');
  return user;
}

export function usePlatform(): Platform {
  return useContext(ConsoleContext)?.platform ?? browserPlatform;
}

/**
 * Wraps a failed call: a 401 (signed out, session expired on the emulator clock) navigates to the
 * login page and keeps the current page as the `service` to come back to; other errors are
 * returned for the page to show in place.
 */
export function useSessionGuard(): (error: unknown) => unknown {
  const { platform, query } = useConsole();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ConsoleApiError && error.status === 401) {
        const here = `${location.pathname}${location.search}${location.hash}`;
        platform.navigate(loginHref(query, here, 'expired'));
      }
      return error;
    },
    [platform, query],
  );
}
