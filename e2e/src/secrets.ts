/**
 * @module Journey 6's bookkeeping: every secret a journey has seen (SKs, security tokens,
 * passwords, id tokens, verification codes), and checks that none of them is somewhere it must
 * never be. A leak is reported by the secret's label only: the value itself is never printed.
 */
import type { TenantView } from '@iam-testbed/emulator/client';
import type { Page, WebWorker } from 'puppeteer-core';
import { expect } from 'vitest';

export class SecretBook {
  private readonly values = new Map<string, string>();

  add(label: string, value: string | undefined): void {
    // Very short values (a 6-digit code) would match by chance in unrelated text: still checked,
    // since the journal and storage hold only structured data where a match means a leak.
    if (value) this.values.set(label, value);
  }

  addTenant(tenant: TenantView): void {
    for (const [who, user] of [
      ['admin', tenant.admin],
      ['IAM user', tenant.iam_user],
    ] as const) {
      this.add(`${who} password`, user.password);
      this.add(`${who} SK`, user.access_key.secret);
    }
    this.add('federated id token', tenant.federated_user.id_token);
  }

  /** Labels of the secrets found in `text`. */
  foundIn(text: string): string[] {
    return [...this.values].filter(([, value]) => text.includes(value)).map(([label]) => label);
  }

  /** What is being watched (labels only). */
  labels(): string[] {
    return [...this.values.keys()];
  }
}

type StorageArea = 'local' | 'sync' | 'session';

/** One `chrome.storage` area as JSON, read inside the extension's service worker. */
export function readStorage(worker: WebWorker, area: StorageArea): Promise<string> {
  return worker.evaluate(async (a) => {
    const chromeApi = (
      globalThis as unknown as {
        chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> };
      }
    ).chrome;
    const area = chromeApi.storage[a];
    if (!area) throw new Error(`no chrome.storage.${a}`);
    return JSON.stringify(await area.get(null));
  }, area);
}

/** Fails, naming the leaked secrets, when `storage.local` or `storage.sync` holds any. */
export async function expectNoSecretsInStorage(
  worker: WebWorker,
  book: SecretBook,
  when: string,
): Promise<void> {
  for (const area of ['local', 'sync'] as const) {
    const leaked = book.foundIn(await readStorage(worker, area));
    expect(leaked, `secrets in storage.${area} ${when}`).toEqual([]);
  }
}

/** Fails when the page's DOM (markup and form values) holds any secret. */
export async function expectNoSecretsInDom(
  page: Page,
  book: SecretBook,
  when: string,
): Promise<void> {
  const dom = await page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map(
      (e) => (e as HTMLInputElement).value,
    );
    return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
  });
  expect(book.foundIn(dom), `secrets in the DOM of ${page.url()} ${when}`).toEqual([]);
}
