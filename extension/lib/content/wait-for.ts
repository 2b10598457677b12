/**
 * @module content/wait-for
 * Waits for a single-page app to render what we need: re-reads the page on DOM mutations until
 * `done` holds or the deadline passes (then resolves with the last reading, `timedOut: true`).
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface WaitResult<T> {
  value: T;
  timedOut: boolean;
}

export function waitFor<T>(
  doc: Document,
  read: () => T,
  done: (value: T) => boolean,
  deadlineMs: number,
  timers: Timers,
): { promise: Promise<WaitResult<T>>; cancel: () => void } {
  let observer: MutationObserver | undefined;
  let timer: number | undefined;
  let settle: (r: WaitResult<T>) => void = () => undefined;
  let settled = false;
  const finish = (r: WaitResult<T>) => {
    if (settled) return;
    settled = true;
    observer?.disconnect();
    if (timer !== undefined) timers.clearTimeout(timer);
    settle(r);
  };
  const promise = new Promise<WaitResult<T>>((resolve) => {
    settle = resolve;
    const first = read();
    if (done(first)) return finish({ value: first, timedOut: false });
    if (deadlineMs <= 0) return finish({ value: first, timedOut: true });
    let pending = false;
    observer = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      // Batch a burst of mutations (a framework render) into one read.
      queueMicrotask(() => {
        pending = false;
        const value = read();
        if (done(value)) finish({ value, timedOut: false });
      });
    });
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    timer = timers.setTimeout(() => finish({ value: read(), timedOut: true }), deadlineMs);
  });
  return {
    promise,
    // Settles a pending wait (so nobody awaits forever) with one last reading.
    cancel: () => {
      if (!settled) finish({ value: read(), timedOut: true });
    },
  };
}
