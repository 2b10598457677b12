/** @module Load-once-and-reload state for a page's data, with session expiry handled. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useSessionGuard } from '../app/console-context';

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

export function useLoad<T>(load: () => Promise<T>): [LoadState<T>, () => void] {
  const guard = useSessionGuard();
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', error: guard(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated each render by callers; reload is explicit through `round`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [state, reload];
}
