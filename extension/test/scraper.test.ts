// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { scrapeCredentials } from '../lib/scraper/scrape';
import { FACTS, htmlDocument, loadFixture } from './fixtures/load';

const strip = (projects: ReturnType<typeof scrapeCredentials>['projects']) =>
  projects.map(({ id, name, region, subProject }) => ({ id, name, region, subProject }));

describe('scrapeCredentials on pages showing the same facts', () => {
  const withProjects = [
    ['old-en-table', 'en-us'],
    ['old-zh-dl', 'zh-cn'],
    ['grid-en-divs', 'en-us'],
    ['old-zh-table-variants', 'zh-cn'],
  ] as const;

  it.each(withProjects)(
    '%s: identity and projects (grouped by region, with sub-projects)',
    (name, locale) => {
      const result = scrapeCredentials(loadFixture(name));
      expect(result.status).toBe('complete');
      expect(result.identity).toEqual(FACTS.identity);
      expect(result.missing).toEqual([]);
      expect(strip(result.projects)).toEqual(FACTS.projects);
      expect(result.projectsListed).toBe(true);
      expect(result.locale).toBe(locale);
      expect(result.message).toBeUndefined();
    },
  );

  it.each([
    ['new-en-identity', 'en-us'],
    ['new-zh-inline', 'zh-cn'],
  ] as const)('%s: the new console identity page has no projects list', (name, locale) => {
    const result = scrapeCredentials(loadFixture(name));
    expect(result.status).toBe('complete');
    expect(result.identity).toEqual(FACTS.identity);
    expect(result.projects).toEqual([]);
    expect(result.projectsListed).toBe(false);
    expect(result.locale).toBe(locale);
  });

  it('reads the region name from the Region column when the page shows one', () => {
    const byId = (name: string) =>
      new Map(scrapeCredentials(loadFixture(name)).projects.map((p) => [p.id, p.regionName]));
    expect(byId('old-en-table').get('33333333333333333333333333333333')).toBe('AP-Singapore');
    expect(byId('grid-en-divs').get('22222222222222222222222222222222')).toBe('CN North-Beijing4');
    expect(byId('old-zh-table-variants').get('11111111111111111111111111111111')).toBe(
      '华北-北京四',
    );
    // the sub-project row leaves its region cell empty: nothing is invented
    expect(byId('old-zh-table-variants').get('22222222222222222222222222222222')).toBeUndefined();
  });
});

describe('scrapeCredentials: what it refuses and how it says so', () => {
  it('a page without the fields is not-found, naming every label it looked for', () => {
    const result = scrapeCredentials(
      htmlDocument('<h1>Log in</h1><label>Password<input type="password"></label>'),
    );
    expect(result.status).toBe('not-found');
    expect(result.missing).toEqual(['accountName', 'accountId', 'userName', 'userId']);
    expect(result.message).toContain('"Account ID" / "账号ID" (a 32-character hex ID)');
    expect(result.message).toContain('"IAM User Name" / "IAM用户名"');
  });

  it('an ID that is not 32 lower-case hex is not taken (partial)', () => {
    const doc = htmlDocument(`<dl>
      <dt>Account Name</dt><dd>acme-cloud</dd><dt>Account ID</dt><dd>0A1B2C3D-not-an-id</dd>
      <dt>IAM User Name</dt><dd>dev-alice</dd><dt>IAM User ID</dt><dd>aaaabbbbccccddddeeeeffff0000111</dd></dl>`);
    const result = scrapeCredentials(doc);
    expect(result.status).toBe('partial');
    expect(result.missing).toEqual(['accountId', 'userId']);
    expect(result.identity).toEqual({ accountName: 'acme-cloud', userName: 'dev-alice' });
    expect(result.message).toMatch(/Could not find "Account ID".*"IAM User ID"/);
  });

  it('a label followed by another label is not a value', () => {
    const doc = htmlDocument('<div><span>Account Name</span><span>Account ID</span></div>');
    expect(scrapeCredentials(doc).identity.accountName).toBeUndefined();
  });

  it('says so when the Projects list is there but has no readable rows', () => {
    const doc = loadFixture('old-en-table');
    const projectsTable = doc.querySelectorAll('table')[1];
    for (const body of Array.from(projectsTable?.querySelectorAll('tbody') ?? [])) body.remove();
    const result = scrapeCredentials(doc);
    expect(result.status).toBe('complete');
    expect(result.projects).toEqual([]);
    expect(result.projectsListed).toBe(true);
    expect(result.message).toContain('no project rows');
  });

  it('does not take identity IDs, lone hex strings or non-region names as projects', () => {
    const doc =
      htmlDocument(`<dl><dt>Account Name</dt><dd>acme</dd><dt>Account ID</dt><dd>0a1b2c3d4e5f60718293a4b5c6d7e8f9</dd>
      <dt>IAM User Name</dt><dd>al</dd><dt>IAM User ID</dt><dd>aaaabbbbccccddddeeeeffff00001111</dd></dl>
      <p>Request ID <span>99999999999999999999999999999999</span></p>
      <table><tr><td>44444444444444444444444444444444</td><td>not a region</td></tr>
      <tr><td>55555555555555555555555555555555</td><td>CN-North-4</td></tr></table>
      <footer>0a1b2c3d4e5f60718293a4b5c6d7e8f9 cn-north-4</footer>`);
    expect(scrapeCredentials(doc).projects).toEqual([]);
  });

  it('does not pair an ID with a name from another row when rows share a container', () => {
    const doc =
      htmlDocument(`<div><span>66666666666666666666666666666666</span><span>77777777777777777777777777777777</span>
      <span>cn-north-4</span></div>`);
    expect(scrapeCredentials(doc).projects).toEqual([]);
  });
});
