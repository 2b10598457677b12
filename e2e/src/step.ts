/**
 * @module Journey steps. `step(name, fn)` runs one user-visible step; when it throws, the run
 * prints which test and step failed and saves a screenshot of every open page (console tabs and
 * the popup) under `e2e/artifacts/failures/`, then fails with the step's name in front of the
 * original message.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { FAILURES_DIR, screenshot, slug } from './artifacts.js';

export type Step = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

async function shootAll(pages: Page[], test: string, step: string): Promise<string[]> {
  // Test and step names are long: shorten each so the page's own suffix always survives.
  const prefix = `${slug(test).slice(0, 40)}--${slug(step).slice(0, 30)}`;
  const saved: string[] = [];
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const url = page.url();
    const kind = url.startsWith('chrome-extension://') ? 'popup' : `tab${i}`;
    try {
      // A background tab paints no frames in headless Chromium: bring it up, and never wait long.
      await page.bringToFront();
      saved.push(await withDeadline(screenshot(page, FAILURES_DIR, `${prefix}--${kind}`), 5_000));
    } catch {
      // A page that died with the failure cannot be photographed; the message still names the step.
    }
  }
  return saved;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('screenshot timed out')), ms)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Builds the `step` helper for one journey; `pages()` lists what to photograph on failure. */
export function stepper(pages: () => Promise<Page[]>): Step {
  return async (name, fn) => {
    try {
      return await fn();
    } catch (error) {
      const test = expect.getState().currentTestName ?? 'unknown test';
      const shots = await shootAll(await pages().catch(() => []), test, name);
      const where = `E2E step failed: ${test} › ${name}`;
      console.error(`${where}\n  screenshots: ${shots.length ? shots.join(', ') : 'none'}`);
      if (error instanceof Error && !error.message.startsWith('[step ')) {
        error.message = `[step "${name}"] ${error.message}`;
      }
      throw error;
    }
  };
}
