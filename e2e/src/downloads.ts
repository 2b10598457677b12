/**
 * @module Browser downloads into a temporary folder, through CDP `Browser.setDownloadBehavior`
 * with events on, so a test waits for "completed" instead of polling the disk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'puppeteer-core';

export interface Download {
  suggestedFilename: string;
  path: string;
  text: string;
}

interface WillBegin {
  guid: string;
  suggestedFilename: string;
}
interface Progress {
  guid: string;
  state: 'inProgress' | 'completed' | 'canceled';
}

export class Downloads {
  /** Downloads that started, in order (a refused second download must not add one). */
  readonly started: WillBegin[] = [];
  private readonly done = new Map<string, Progress['state']>();
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly session: CDPSession,
    readonly dir: string,
  ) {
    session.on('Browser.downloadWillBegin', (e: WillBegin) => {
      this.started.push(e);
      this.wake();
    });
    session.on('Browser.downloadProgress', (e: Progress) => {
      if (e.state !== 'inProgress') this.done.set(e.guid, e.state);
      this.wake();
    });
  }

  static async start(browser: Browser): Promise<Downloads> {
    const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-e2e-downloads-'));
    const session = await browser.target().createCDPSession();
    // allowAndName: files are saved under their guid, so two downloads never overwrite each other.
    await session.send('Browser.setDownloadBehavior', {
      behavior: 'allowAndName',
      downloadPath: dir,
      eventsEnabled: true,
    });
    return new Downloads(session, dir);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The `n`-th download (1-based) once it has completed. */
  async completed(n: number, timeoutMs = 15_000): Promise<Download> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const begun = this.started[n - 1];
      const state = begun ? this.done.get(begun.guid) : undefined;
      if (begun && state === 'completed') {
        const path = join(this.dir, begun.guid);
        return {
          suggestedFilename: begun.suggestedFilename,
          path,
          text: readFileSync(path, 'utf8'),
        };
      }
      if (state === 'canceled')
        throw new Error(
          `E2E_DOWNLOAD_CANCELED: download ${n} (${begun?.suggestedFilename}) was canceled`,
        );
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `E2E_DOWNLOAD_TIMEOUT: download ${n} did not complete (${this.started.length} started)`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
