/**
 * @module scraper/labels
 * Field labels as Huawei's documentation names them, in en-us and zh-cn (docs/reference/console-and-extension.md
 * §2.2, §2.4), plus spelling variants (帐号/账号, "User Name"/"Username"). ⚠ UNCONFIRMED against
 * the live console: no public DOM dump exists. Labels are compared with `labelKey` (case, spaces
 * and trailing colons ignored). More specific labels come first.
 */
import type { IdentityField, PageLocale } from './types';

export type LabelSet = Record<PageLocale, readonly string[]>;

export const IDENTITY_LABELS: Record<IdentityField, LabelSet> = {
  accountName: { 'en-us': ['Account Name'], 'zh-cn': ['账号名', '帐号名', '账号名称', '帐号名称'] },
  accountId: { 'en-us': ['Account ID', 'Domain ID'], 'zh-cn': ['账号ID', '帐号ID'] },
  userName: {
    'en-us': ['IAM User Name', 'IAM Username', 'User Name', 'Username'],
    'zh-cn': ['IAM用户名', '用户名'],
  },
  userId: { 'en-us': ['IAM User ID', 'User ID'], 'zh-cn': ['IAM用户ID', '用户ID'] },
};

/** Column headings and section titles that mean "this page lists projects". */
export const PROJECT_LABELS: LabelSet = {
  'en-us': ['Projects', 'Project List', 'Project ID', 'Project Name'],
  'zh-cn': ['项目列表', '项目', '项目ID', '项目名称'],
};

/** Every label above, for telling a label cell from a value cell. */
export const ALL_LABELS: readonly string[] = [
  ...Object.values(IDENTITY_LABELS).flatMap((set) => [...set['en-us'], ...set['zh-cn']]),
  ...PROJECT_LABELS['en-us'],
  ...PROJECT_LABELS['zh-cn'],
  'Region',
  '区域',
  '所属区域',
];

/** Human-readable list for error messages: "Account ID" / "账号ID". */
export function describeLabels(set: LabelSet): string {
  return [set['en-us'][0], set['zh-cn'][0]].map((l) => `"${l}"`).join(' / ');
}
