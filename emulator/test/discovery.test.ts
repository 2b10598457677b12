/**
 * Discovery (docs/reference/huawei-iam-api.md §4, §5): projects with filters and pagination, auth projects and
 * domains, regions, users, and the SDK's own `withRegion` auto-discovery of domain and project IDs.
 */
import { describe, expect, it } from 'vitest';
import { v3As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import {
  FORBIDDEN,
  KEYSTONE_FORBIDDEN,
  iamNotFound,
  keystoneNotFound,
  sdkView,
} from './support/huawei-errors';
import { listKeys, listProjects } from './support/requests';
import { BasicCredentials, GlobalCredentials, IamClientV3, Region, iam, wire } from './support/sdk';
import { expectSdkError } from './support/sdk-error';
import { HEX32 } from './support/shapes';
import { regionProject, regionsOf } from './support/tenant';

const REGIONS = ['cn-north-4', 'ap-southeast-3', 'eu-west-101'];
const idsOf = (list: Array<{ id: string }>) => list.map((p) => p.id).sort();

describe.each(STORE_MODES)('discovery [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it("lists the account's projects in Keystone shape and filters by name, domain and enabled", async () => {
    const t = await emu().tenant({ regions: REGIONS });
    expect(regionsOf(t)).toEqual([...REGIONS].sort());
    const admin = v3As(emu().url, t, t.admin);
    const all = wire(await admin.keystoneListProjects(listProjects()));
    expect(all.httpStatusCode).toBe(200);
    expect(all.links).toEqual({ self: expect.any(String), previous: null, next: null });
    expect(idsOf(all.projects)).toEqual(expect.arrayContaining(idsOf(t.projects)));
    const cn = regionProject(t, 'cn-north-4');
    expect(all.projects).toContainEqual({
      id: cn.id,
      name: 'cn-north-4',
      domain_id: t.domain.id,
      parent_id: t.domain.id,
      is_domain: false,
      enabled: true,
      description: expect.any(String),
      links: { self: expect.stringContaining(cn.id) },
    });

    const byName = wire(await admin.keystoneListProjects(listProjects({ name: 'cn-north-4' })));
    expect(idsOf(byName.projects)).toEqual([cn.id]);
    const byDomain = wire(
      await admin.keystoneListProjects(listProjects({ domainId: t.domain.id, enabled: true })),
    );
    expect(idsOf(byDomain.projects)).toEqual(idsOf(all.projects));
    const disabled = wire(await admin.keystoneListProjects(listProjects({ enabled: false })));
    expect(disabled.projects).toEqual([]);
  });

  it('pages projects with page and per_page, covering every project exactly once', async () => {
    const t = await emu().tenant({ regions: REGIONS });
    const admin = v3As(emu().url, t, t.admin);
    const all = idsOf(wire(await admin.keystoneListProjects(listProjects())).projects);
    const seen: string[] = [];
    for (let page = 1; page <= all.length + 1; page++) {
      const res = wire(await admin.keystoneListProjects(listProjects({ page, perPage: 1 })));
      expect(res.projects.length).toBe(page <= all.length ? 1 : 0);
      seen.push(...res.projects.map((p: { id: string }) => p.id));
    }
    expect(seen.sort()).toEqual(all);
  });

  it("never shows one account's projects, domain or users to another", async () => {
    const a = await emu().tenant();
    const b = await emu().tenant();
    const asB = v3As(emu().url, b, b.admin);
    const projects = wire(await asB.keystoneListProjects(listProjects()));
    for (const p of a.projects) expect(idsOf(projects.projects)).not.toContain(p.id);
    const domains = wire(
      await asB.keystoneListAuthDomains(new iam.KeystoneListAuthDomainsRequest()),
    );
    expect(domains.domains.map((d: { id: string }) => d.id)).toEqual([b.domain.id]);
    await expectSdkError(
      asB.keystoneShowUser(new iam.KeystoneShowUserRequest(a.iam_user.id)),
      sdkView(keystoneNotFound('user', a.iam_user.id)),
    );
    await expectSdkError(
      asB.showUser(new iam.ShowUserRequest(a.iam_user.id)),
      sdkView(iamNotFound('user', a.iam_user.id)),
    );
  });

  it("lists the caller's auth projects and auth domains", async () => {
    const t = await emu().tenant({ regions: REGIONS });
    const user = v3As(emu().url, t, t.iam_user);
    const projects = wire(
      await user.keystoneListAuthProjects(new iam.KeystoneListAuthProjectsRequest()),
    );
    expect(projects.httpStatusCode).toBe(200);
    expect(projects.links.self).toEqual(expect.any(String));
    expect(idsOf(projects.projects)).toEqual(expect.arrayContaining(idsOf(t.projects)));
    const domains = wire(
      await user.keystoneListAuthDomains(new iam.KeystoneListAuthDomainsRequest()),
    );
    expect(domains).toMatchObject({ httpStatusCode: 200, links: { self: expect.any(String) } });
    expect(domains.domains).toEqual([
      {
        id: t.domain.id,
        name: t.domain.name,
        enabled: true,
        description: expect.any(String),
        links: { self: expect.stringContaining(t.domain.id) },
      },
    ]);
  });

  it('lists regions with Keystone fields and locales', async () => {
    const t = await emu().tenant();
    const res = wire(
      await v3As(emu().url, t, t.iam_user).keystoneListRegions(
        new iam.KeystoneListRegionsRequest(),
      ),
    );
    expect(res.httpStatusCode).toBe(200);
    expect(res.regions.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(REGIONS));
    expect(res.regions).toContainEqual({
      id: 'cn-north-4',
      type: 'public',
      parent_region_id: null,
      description: expect.any(String),
      links: { self: expect.stringContaining('cn-north-4') },
      locales: expect.objectContaining({
        'en-us': expect.any(String),
        'zh-cn': expect.any(String),
      }),
    });
  });

  it('shows users through /v3/users and /v3.0/OS-USER/users, marking the account owner', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const keystone = wire(
      await admin.keystoneShowUser(new iam.KeystoneShowUserRequest(t.iam_user.id)),
    );
    expect(keystone).toMatchObject({
      httpStatusCode: 200,
      user: { id: t.iam_user.id, name: t.iam_user.name, domain_id: t.domain.id, enabled: true },
    });
    const owner = wire(await admin.showUser(new iam.ShowUserRequest(t.admin.id)));
    expect(owner.user).toMatchObject({
      id: t.admin.id,
      name: t.admin.name,
      domain_id: t.domain.id,
      is_domain_owner: true,
    });
    const plain = wire(await admin.showUser(new iam.ShowUserRequest(t.iam_user.id)));
    expect(plain.user).toMatchObject({ id: t.iam_user.id, is_domain_owner: false });
    expect(JSON.stringify(plain)).not.toContain(t.iam_user.password);
    await expectSdkError(
      admin.showUser(new iam.ShowUserRequest('0'.repeat(32))),
      sdkView(iamNotFound('user', '0'.repeat(32))),
    );
    const user = v3As(emu().url, t, t.iam_user);
    await expectSdkError(user.showUser(new iam.ShowUserRequest(t.admin.id)), sdkView(FORBIDDEN));
    await expectSdkError(
      user.keystoneShowUser(new iam.KeystoneShowUserRequest(t.admin.id)),
      sdkView(KEYSTONE_FORBIDDEN),
    );
    expect(wire(await user.showUser(new iam.ShowUserRequest(t.iam_user.id))).user.id).toBe(
      t.iam_user.id,
    );
  });

  it("serves the SDK's withRegion auto-discovery: domain ID via /v3/auth/domains, project ID via /v3/projects", async () => {
    const t = await emu().tenant({ regions: REGIONS });
    expect(t.domain.id).toMatch(HEX32);
    const region = new Region('cn-north-4', [emu().url]);
    const domainless = new GlobalCredentials()
      .withAk(t.iam_user.access_key.access)
      .withSk(t.iam_user.access_key.secret)
      .withIamEndpoint(emu().url);
    const viaGlobal = IamClientV3.newBuilder()
      .withCredential(domainless)
      .withRegion(region)
      .build();
    expect(wire(await viaGlobal.listPermanentAccessKeys(listKeys())).httpStatusCode).toBe(200);
    expect(domainless.domainId).toBe(t.domain.id);

    const projectless = new BasicCredentials()
      .withAk(t.iam_user.access_key.access)
      .withSk(t.iam_user.access_key.secret)
      .withIamEndpoint(emu().url);
    const viaBasic = IamClientV3.newBuilder()
      .withCredential(projectless)
      .withRegion(region)
      .build();
    expect(wire(await viaBasic.listPermanentAccessKeys(listKeys())).httpStatusCode).toBe(200);
    expect(projectless.projectId).toBe(regionProject(t, 'cn-north-4').id);
  });
});
