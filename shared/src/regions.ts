/**
 * @module regions
 * Huawei Cloud public regions the emulator seeds projects for and the extension recognises.
 * IDs and names follow Huawei's "Regions and Endpoints" tables (developer.huaweicloud.com/endpoint);
 * the IAM endpoint pattern is from the Node SDK's IamRegion.ts (docs/reference/huawei-iam-api.md §0).
 * ⚠ UNCONFIRMED: the zh-cn names were checked against public endpoint tables, not the live console.
 */

export type RegionType = 'public';
export type Locale = 'en-us' | 'zh-cn';
/** Which console site usually serves a region (the real split is by where the account was registered). */
export type ConsoleSite = 'cn' | 'intl' | 'eu';

export interface Region {
  id: string;
  name: Record<Locale, string>;
  type: RegionType;
  site: ConsoleSite;
}

/** The global IAM endpoint, the Node SDK's `DEFAULT_IAM_ENDPOINT`. */
export const GLOBAL_IAM_ENDPOINT = 'https://iam.myhuaweicloud.com';

/**
 * The emulator's default port (`iam-testbed --port`, emulator/src/cli-flags.ts) and the endpoint a
 * local emulator answers on by default: what tools offer before the user types another. Not 4566,
 * which is LocalStack's.
 */
export const EMULATOR_DEFAULT_PORT = 8790;
export const EMULATOR_DEFAULT_ENDPOINT = `http://127.0.0.1:${EMULATOR_DEFAULT_PORT}`;

export const CONSOLE_HOSTS: Record<ConsoleSite, string> = {
  cn: 'console.huaweicloud.com',
  intl: 'console-intl.huaweicloud.com',
  eu: 'console.eu.huaweicloud.com',
};

const r = (id: string, en: string, zh: string, site: ConsoleSite): Region => ({
  id,
  name: { 'en-us': en, 'zh-cn': zh },
  type: 'public',
  site,
});

export const REGIONS: readonly Region[] = Object.freeze([
  r('cn-north-4', 'CN North-Beijing4', '华北-北京四', 'cn'),
  r('cn-north-1', 'CN North-Beijing1', '华北-北京一', 'cn'),
  r('cn-north-9', 'CN North-Ulanqab1', '华北-乌兰察布一', 'cn'),
  r('cn-east-3', 'CN East-Shanghai1', '华东-上海一', 'cn'),
  r('cn-east-2', 'CN East-Shanghai2', '华东-上海二', 'cn'),
  r('cn-south-1', 'CN South-Guangzhou', '华南-广州', 'cn'),
  r('cn-southwest-2', 'CN Southwest-Guiyang1', '西南-贵阳一', 'cn'),
  r('ap-southeast-1', 'CN-Hong Kong', '中国-香港', 'intl'),
  r('ap-southeast-2', 'AP-Bangkok', '亚太-曼谷', 'intl'),
  r('ap-southeast-3', 'AP-Singapore', '亚太-新加坡', 'intl'),
  r('ap-southeast-4', 'AP-Jakarta', '亚太-雅加达', 'intl'),
  r('af-south-1', 'AF-Johannesburg', '非洲-约翰内斯堡', 'intl'),
  r('la-north-2', 'LA-Mexico City2', '拉美-墨西哥城二', 'intl'),
  r('la-south-2', 'LA-Santiago', '拉美-圣地亚哥', 'intl'),
  r('sa-brazil-1', 'LA-Sao Paulo1', '拉美-圣保罗一', 'intl'),
  r('tr-west-1', 'TR-Istanbul', '土耳其-伊斯坦布尔', 'intl'),
  r('me-east-1', 'ME-Riyadh', '中东-利雅得', 'intl'),
  r('eu-west-101', 'EU-Dublin', '欧洲-都柏林', 'eu'),
]);

const BY_ID = new Map(REGIONS.map((region) => [region.id, region]));

/** @returns the region, or undefined for an unknown ID. */
export function regionById(id: string): Region | undefined {
  return BY_ID.get(id);
}

export function isRegionId(id: string): boolean {
  return BY_ID.has(id);
}

/**
 * The regional IAM endpoint, e.g. `https://iam.cn-north-4.myhuaweicloud.com`; the EU region lives
 * under `.myhuaweicloud.eu`. Unknown IDs get the standard pattern.
 */
export function iamEndpointFor(regionId: string): string {
  const domain = regionById(regionId)?.site === 'eu' ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
  return `https://iam.${regionId}.${domain}`;
}

/** The console host that usually serves a region (see ConsoleSite). */
export function consoleHostFor(regionId: string): string {
  return CONSOLE_HOSTS[regionById(regionId)?.site ?? 'intl'];
}

/**
 * The *shape* of a region ID — two letters, words, a number: `cn-north-4`, `ap-southeast-1`,
 * `eu-west-101`, `ae-ad-1`. Wider than `isRegionId`, because a console page or an account may
 * name regions newer than `REGIONS`.
 */
export const REGION_ID_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,3}$/;

/**
 * A project name: a region project is named after its region (`cn-north-4`); a sub-project is
 * `<region>_<name>` (KeystoneCreateProject, iam_06_0004: "must start with ID of an existing
 * region_", e.g. `ap-southeast-1_IAMProject`). Group 1 is the region, group 2 the custom part.
 * ⚠ UNCONFIRMED charset of the custom part: Huawei documents none; we allow letters, digits,
 * `_`, `-` and `.` (what a user plausibly types). The length limit is `PROJECT_NAME_MAX_LENGTH`.
 */
export const PROJECT_NAME_SHAPE = new RegExp(
  `^(${REGION_ID_SHAPE.source.slice(1, -1)})(?:_([A-Za-z0-9_.-]+))?$`,
);

/** The whole project name, region prefix included ("less than or equal to 64 characters", iam_06_0004). */
export const PROJECT_NAME_MAX_LENGTH = 64;

export interface ProjectNameParts {
  /** the region ID the name starts with (compare it exactly: `cn-north-41` is not `cn-north-4`) */
  region: string;
  subProject: boolean;
  /** the part after `<region>_`, for a sub-project */
  subName?: string;
}

/** @returns the parts of a project name, or undefined for anything else (e.g. OBS's `MOS`). */
export function parseProjectName(name: string): ProjectNameParts | undefined {
  if (name.length > PROJECT_NAME_MAX_LENGTH) return undefined;
  const m = PROJECT_NAME_SHAPE.exec(name);
  if (!m?.[1]) return undefined;
  return m[2] === undefined
    ? { region: m[1], subProject: false }
    : { region: m[1], subProject: true, subName: m[2] };
}
