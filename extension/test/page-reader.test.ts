// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageReader } from '../lib/content/page-reader';
import type { CredentialsReadMessage } from '../lib/messages/protocol';
import { scrapeCredentials } from '../lib/scraper/scrape';

const IDENTITY = `<dl><dt>Account Name</dt><dd>acme</dd><dt>Account ID</dt><dd>0a1b2c3d4e5f60718293a4b5c6d7e8f9</dd>
  <dt>IAM User Name</dt><dd>alice</dd><dt>IAM User ID</dt><dd>aaaabbbbccccddddeeeeffff00001111</dd></dl>`;
const PROJECTS_HEADING = '<h3>Projects</h3>';
const PROJECT_ROW =
  '<table><tr><td>11111111111111111111111111111111</td><td>cn-north-4</td></tr></table>';
const BASE = 'http://127.0.0.1:4566/iam/';

function setup() {
  document.body.innerHTML = '<div id="app">Loading…</div>';
  const reports: CredentialsReadMessage[] = [];
  const reader = new PageReader({
    doc: document,
    scrape: scrapeCredentials,
    report: (m) => reports.push(m),
    timers: {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    },
    deadlineMs: 10_000,
  });
  const render = (html: string) => {
    document.getElementById('app')!.innerHTML = html;
  };
  return { reader, reports, render };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PageReader', () => {
  it('waits for the asynchronous render, then reports the complete reading once', async () => {
    const { reader, reports, render } = setup();
    reader.navigate(`${BASE}#/mine/apiCredential`);
    const reading = reader.read();
    render(IDENTITY + PROJECTS_HEADING); // identity first, projects table still loading
    await Promise.resolve();
    render(IDENTITY + PROJECTS_HEADING + PROJECT_ROW);
    const res = await reading;
    expect(res).toMatchObject({
      url: `${BASE}#/mine/apiCredential`,
      onCredentials: true,
      result: { status: 'complete', projects: [{ name: 'cn-north-4' }] },
    });
    expect(reports).toHaveLength(1);
    reader.stop();
  });

  it('gives up at the deadline with a message saying what it could not find', async () => {
    vi.useFakeTimers();
    const { reader, reports } = setup();
    reader.navigate(`${BASE}?locale=zh-cn#/mine/apiCredential`);
    const reading = reader.read();
    await vi.advanceTimersByTimeAsync(10_000);
    const res = await reading;
    expect(res.result).toMatchObject({
      status: 'not-found',
      message: expect.stringContaining('"Account ID" / "账号ID"'),
    });
    expect(reports).toEqual([]);
    reader.stop();
  });

  it('on the temporary-key tab, answers at once without waiting for identity', async () => {
    vi.useFakeTimers();
    const { reader, reports, render } = setup();
    render('<h2>Temporary Access Key</h2><button>Generate</button>');
    reader.navigate(`${BASE}#/mine/temporaryAccessKey`);
    const res = await reader.read(); // no timer advanced: no deadline applies here
    expect(res).toMatchObject({ onCredentials: true, result: { status: 'not-found' } });
    expect(reports).toEqual([]);
    reader.stop();
  });

  it('does nothing on other console routes, and follows SPA navigation to My Credentials', async () => {
    const { reader, reports, render } = setup();
    render(IDENTITY);
    reader.navigate(`${BASE}#/iam/users`);
    expect(await reader.read()).toEqual({ url: `${BASE}#/iam/users`, onCredentials: false });
    reader.navigate(`${BASE}#/mine/apiCredential`);
    expect((await reader.read()).result?.identity.userName).toBe('alice');
    expect(reports).toHaveLength(1);
    reader.stop();
  });

  it('keeps the reading current when the page changes later (a region expanded)', async () => {
    const { reader, reports, render } = setup();
    render(IDENTITY + PROJECTS_HEADING + PROJECT_ROW);
    reader.navigate(`${BASE}#/mine/apiCredential`);
    await reader.read();
    render(
      IDENTITY +
        PROJECTS_HEADING +
        PROJECT_ROW.replace(
          '</table>',
          '<tr><td>22222222222222222222222222222222</td><td>cn-north-4_dev</td></tr></table>',
        ),
    );
    await vi.waitFor(() => expect(reports).toHaveLength(2));
    expect((await reader.read()).result?.projects.map((p) => p.name)).toEqual([
      'cn-north-4',
      'cn-north-4_dev',
    ]);
    reader.stop();
  });
});
