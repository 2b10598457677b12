/**
 * @module results
 * The shape of results.json (and what results.md is rendered from). Per-run arrays are indexed
 * by round, so run i of two rows was measured in the same round and their ratio is paired; a
 * round that failed holds NaN (null in JSON) and is left out of the medians.
 */
import type { Layout } from './options.js';
import type { Summary } from './stats.js';

export interface Meta {
  date: string;
  node: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  loadAverageAtStart: number[];
  profile: 'full' | 'quick';
  runs: number;
  connections: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** how long a server idles between its first answer and the RSS reading */
  startupIdleMs: number;
  azurite: string | null;
  totalSeconds: number;
}

/** One measured run of a throughput row. */
export interface RateRun {
  /** requests (or operations) per second */
  rate: number;
  p50Ms: number;
  p99Ms: number;
  /** connections / rate (autocannon rows only) */
  littleMs: number;
  /** non-2xx answers, socket errors and timeouts together; a valid run has 0 */
  failures: number;
}

export type RateId =
  | 'bare'
  | 'express'
  | 'azurite'
  | 'read-permanent'
  | 'read-temporary'
  | 'create-delete'
  | 'mint'
  | 'read-permanent-file';

export interface RateRow {
  id: RateId;
  label: string;
  unit: string;
  tool: 'autocannon' | 'closed loop';
  runs: RateRun[];
  /** why some or all rounds have no figure */
  problems: string[];
}

export type StartupId = 'bare' | 'express' | 'emulator' | 'azurite';

export interface StartupRow {
  id: StartupId;
  label: string;
  command: string;
  /** spawn → first HTTP answer of any status */
  firstAnswerMs: number[];
  /** spawn → ready (the emulator: `/_emulator/ready` 200; the others answer only when ready) */
  readyMs: number[];
  rssServerMiB: number[];
  rssTreeMiB: number[];
  problems: string[];
}

export interface ResetRow {
  keys: number;
  /** client-measured round trip of POST /_emulator/reset, per run */
  ms: number[];
  /** the same for `POST /_emulator/reset?domain_id=X` (one tenant), taken just before */
  tenantMs: number[];
  /** set when the endpoint is not there (404/405) or the emulator could not run */
  unavailable?: string;
  problems: string[];
}

export interface GrowthRun {
  /** spawn → ready on that store (the emulator reads index.json; tenants load when first used) */
  startMs: number;
  /** the warm-up create, not in the percentiles: the first request on the measuring tenant, which loads its file */
  firstMs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  creates: number;
  /** fraction (0–1) of the acknowledged keys found in the store folder after a SIGKILL */
  onDisk: number;
}

export interface GrowthRow {
  layout: Layout;
  keys: number;
  /** the seeded store folder (index.json and every tenant file), bytes */
  storeBytes: number;
  runs: GrowthRun[];
  problems: string[];
}

export interface RestartRun {
  /** spawn → ready on the fresh copy (the first start) */
  startMs: number;
  /** SIGTERM → exit of that first process (it folds its log into the files on the way out) */
  stopMs: number;
  /** spawn → `GET /_emulator/ready` 200 on the same folder, after the graceful stop: the figure */
  restartMs: number;
  /** the first create after the restart: it loads the measuring tenant's file */
  firstCreateMs: number;
  /** the create after that (tenant loaded) */
  nextCreateMs: number;
}

export interface RestartRow {
  layout: Layout;
  keys: number;
  /** tenant files in the store */
  tenants: number;
  /** the seeded store folder, bytes */
  storeBytes: number;
  runs: RestartRun[];
  problems: string[];
}

export type Verdict = 'met' | 'missed' | 'n/a';

export interface TargetRow {
  id: string;
  what: string;
  /** e.g. '>= 0.9' */
  target: string;
  value: Summary;
  verdict: Verdict;
  note?: string;
}

export interface BenchResults {
  meta: Meta;
  targets: TargetRow[];
  throughput: RateRow[];
  startup: StartupRow[];
  reset: ResetRow[];
  growth: GrowthRow[];
  restart: RestartRow[];
  notes: string[];
}
