/**
 * @module Wire shapes the suite checks: Huawei's formats, plus the emulator's documented key
 * prefixes (issue 4: emulator keys must be impossible to mistake for real ones, yet keep the
 * 20-char `[A-Z0-9]` AK and 40-char SK shapes the SDKs accept).
 */
import {
  EMULATOR_PERMANENT_AK_PREFIX,
  EMULATOR_SECURITY_TOKEN_PREFIX,
  EMULATOR_SK_PREFIX,
  EMULATOR_TEMPORARY_AK_PREFIX,
} from '@iam-testbed/shared';

/** Huawei's credential time format: `YYYY-MM-DDTHH:mm:ss.ssssssZ` (docs/reference/huawei-iam-api.md §1.1). */
export const HUAWEI_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const HEX32 = /^[0-9a-f]{32}$/;

const exactly = (prefix: string, rest: string) => new RegExp(`^${prefix}${rest}$`);
/** Permanent AK: 20 × `[A-Z0-9]`, starting with the emulator's permanent prefix. */
export const ACCESS_KEY_SHAPE = exactly(
  EMULATOR_PERMANENT_AK_PREFIX,
  `[A-Z0-9]{${20 - EMULATOR_PERMANENT_AK_PREFIX.length}}`,
);
/** Temporary AK: 20 × `[A-Z0-9]`, starting with the emulator's temporary prefix. */
export const TEMP_ACCESS_KEY_SHAPE = exactly(
  EMULATOR_TEMPORARY_AK_PREFIX,
  `[A-Z0-9]{${20 - EMULATOR_TEMPORARY_AK_PREFIX.length}}`,
);
/** SK: 40 × `[A-Za-z0-9]`, starting with the emulator's SK prefix. */
export const SECRET_KEY_SHAPE = exactly(
  EMULATOR_SK_PREFIX,
  `[A-Za-z0-9]{${40 - EMULATOR_SK_PREFIX.length}}`,
);
export const SECURITY_TOKEN_SHAPE = exactly(EMULATOR_SECURITY_TOKEN_PREFIX, '\\S{8,}');

/** Milliseconds since epoch of a Huawei timestamp (JS keeps the first 3 fraction digits). */
export const ms = (huaweiTime: string): number => Date.parse(huaweiTime);
