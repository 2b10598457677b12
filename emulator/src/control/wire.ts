/**
 * @module control/wire
 * The JSON bodies of the control plane (`/_emulator/*`), as types shared by the handlers, the
 * typed client (`@iam-testbed/emulator/client`) and docs/control-plane.md. Times are ISO 8601
 * on the emulator clock unless said otherwise.
 */
import type { VerificationCodeItem } from '../console/verification-codes.js';
import type { BaselineOrigin } from '../domain/baselines.js';
import type { TenantCounts } from '../domain/tenant-docs.js';
import type { FaultRule, FaultRuleInput } from '../testbed/faults.js';
import type { JournalEntry } from '../testbed/journal.js';

export type { FaultMatch, FaultRule, FaultRuleInput, FaultAction } from '../testbed/faults.js';
export type { JournalEntry, JournalAuth } from '../testbed/journal.js';
export type { StateDoc } from '../domain/state.js';
export type { VerificationCodeItem } from '../console/verification-codes.js';
/** `POST /_emulator/console-sessions` → 201 */
export type { ConsoleSessionView } from '../console/console-state.js';

/** `GET|HEAD /_emulator/health` */
export interface HealthView {
  status: 'ok';
  version: string;
  /** Whole seconds since the process started (wall clock). */
  uptime_s: number;
}

/** `GET /_emulator/ready`: 200 `ready`, 503 `starting`. */
export interface ReadyView {
  status: 'ready' | 'starting';
}

export interface TenantUserView {
  id: string;
  name: string;
  password: string;
  access_key: { access: string; secret: string };
}

/** `POST /_emulator/tenants` → 201 (contract in the team brief). */
export interface TenantView {
  domain: { id: string; name: string };
  admin: TenantUserView;
  iam_user: TenantUserView;
  federated_user: { id: string; name: string; idp_id: string; id_token: string };
  projects: Array<{ id: string; name: string; region: string }>;
}

export interface TenantRequest {
  name?: string;
  regions?: string[];
  operation_protection?: boolean;
}

/** One account in `GET /_emulator/tenants` (no secrets). */
export interface TenantSummary {
  domain: { id: string; name: string };
  created_at: string;
  /** `seed`: kept by a full reset; `tenant`: POST /_emulator/tenants; `import`: PUT /_emulator/state; `store`: found in the store at start. */
  origin: BaselineOrigin | null;
  counts: TenantCounts;
}

export interface TenantListView {
  tenants: TenantSummary[];
}

/** `POST /_emulator/reset[?domain_id=]` */
export interface ResetView {
  scope: 'all' | 'tenant';
  /** The tenant reset (scope `tenant`). */
  domain_id: string | null;
  /** Accounts that exist after the reset (scope `all`) or the one reset. */
  accounts: number;
  /** What was put back or emptied. */
  cleared: string[];
}

/** `GET|POST /_emulator/clock` */
export interface ClockView {
  now: string;
  /** Emulator time minus wall time, in seconds. */
  offset_seconds: number;
  frozen: boolean;
}

export type ClockChange =
  { advance_seconds: number } | { set: string } | { frozen: boolean } | { reset: true };

/** `GET /_emulator/verification-codes[?user_id=&domain_id=]` (newest last) */
export interface VerificationCodesView {
  codes: VerificationCodeItem[];
}

/** `GET /_emulator/requests[?limit=&since=]` (oldest first) */
export interface RequestsView {
  requests: JournalEntry[];
  /** How many entries the journal keeps (`--journal-size`). */
  capacity: number;
  /** Pass as `since` to get only newer entries next time. */
  last_seq: number;
}

/** `GET|POST /_emulator/faults` */
export interface FaultsView {
  rules: FaultRule[];
}

export type FaultsRequest = FaultRuleInput | FaultRuleInput[] | { rules: FaultRuleInput[] };

/** `PUT /_emulator/state` → 200 */
export interface ImportView {
  imported: {
    accounts: number;
    users: number;
    permanent_keys: number;
    temporary_keys: number;
    tokens: number;
  };
}

/** Every control-plane error body. */
export interface ControlErrorBody {
  error_code: string;
  error_msg: string;
}
