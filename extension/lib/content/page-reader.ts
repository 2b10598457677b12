/**
 * @module content/page-reader
 * The content script's state: follows the SPA's route, reads My Credentials when it renders
 * (with a deadline), keeps the reading current while the page changes, and reports complete
 * readings to the background. Sends data only.
 */
import { parseConsoleUrl } from '../console/console-url';
import type { CredentialsReadMessage, PageReadResponse } from '../messages/protocol';
import type { ScrapeResult } from '../scraper/types';
import { type Timers, waitFor } from './wait-for';

export const READ_DEADLINE_MS = 10_000;

export interface ReaderDeps {
  doc: Document;
  scrape: (doc: Document) => ScrapeResult;
  report: (message: CredentialsReadMessage) => void;
  timers: Timers;
  deadlineMs?: number;
}

/** Ready when identity is complete and, if the page lists projects, at least one was read. */
export function isReady(r: ScrapeResult): boolean {
  return r.status === 'complete' && !(r.projectsListed && r.projects.length === 0);
}

export class PageReader {
  private url = '';
  private onCredentials = false;
  private identityRoute = false;
  private latest?: ScrapeResult;
  private first?: Promise<void>;
  private cancel?: () => void;
  private watcher?: MutationObserver;
  private generation = 0;

  constructor(private readonly deps: ReaderDeps) {}

  /** Call on load and on every SPA navigation. */
  navigate(url: string): void {
    if (url === this.url) return;
    this.stop();
    this.url = url;
    const page = parseConsoleUrl(url);
    this.onCredentials = page?.onCredentials ?? false;
    this.identityRoute = page?.identityRoute ?? false;
    this.latest = undefined;
    if (this.onCredentials) this.start();
  }

  private start(): void {
    const generation = ++this.generation;
    // Tabs that do not show identity (access keys, temporary keys) are read as they are, at once.
    const deadline = this.identityRoute ? (this.deps.deadlineMs ?? READ_DEADLINE_MS) : 0;
    const wait = waitFor(
      this.deps.doc,
      () => this.deps.scrape(this.deps.doc),
      isReady,
      deadline,
      this.deps.timers,
    );
    this.cancel = wait.cancel;
    this.first = wait.promise.then(({ value }) => {
      if (generation !== this.generation) return; // navigated away meanwhile
      this.accept(value);
      this.keepCurrent();
    });
  }

  private accept(value: ScrapeResult): void {
    const changed = JSON.stringify(value) !== JSON.stringify(this.latest);
    this.latest = value;
    if (changed && value.status === 'complete')
      this.deps.report({ type: 'credentials/read', result: value });
  }

  /** After the first reading, re-read on later renders (a region expanded, a filter cleared). */
  private keepCurrent(): void {
    let queued = false;
    this.watcher = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        this.accept(this.deps.scrape(this.deps.doc));
      });
    });
    this.watcher.observe(this.deps.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  /** What the popup gets: waits for the first reading (bounded by the deadline). */
  async read(): Promise<PageReadResponse> {
    if (this.first) await this.first;
    return {
      url: this.url,
      onCredentials: this.onCredentials,
      ...(this.latest ? { result: this.latest } : {}),
    };
  }

  stop(): void {
    this.generation++;
    this.cancel?.();
    this.watcher?.disconnect();
    this.first = undefined;
    this.watcher = undefined;
  }
}
