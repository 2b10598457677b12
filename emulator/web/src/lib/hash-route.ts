/** @module The hash router: the console's pages live in `location.hash` like the real SPA. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_ROUTE } from './url';

/** `#/mine/accessKey?x=1` → `/mine/accessKey`; empty → the default route. */
export function routeOf(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') && path.length > 1 ? path : DEFAULT_ROUTE;
}

/** The current route; follows `hashchange` (links, back/forward, extension-driven navigation). */
export function useHashRoute(): string {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
