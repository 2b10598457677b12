/**
 * @module store/store-errors
 * Every error the store layer can raise to a user, each with a stable code (catalogue:
 * docs/errors.md, "Store"; `test/catalogue/` fails if one is missing there). The code ends the
 * message in brackets, so it reaches people wherever the message goes: the CLI's
 * `error CLI_START_FAILED: … [STORE_LOCKED]`, a rejected `startServer()`, stderr. Import refusals
 * over HTTP are answered 400 IAMTB.0009 (CONTROL_STATE_INVALID) with the same explanation.
 */

export interface StoreErrorDef {
  /** When it happens (docs/errors.md repeats it). */
  when: string;
  /** What the user sees it as. */
  surfaces: string;
}

const AT_START = 'start refused: CLI exit 1 `CLI_START_FAILED`, `startServer()` rejects';

export const STORE_ERRORS = {
  STORE_LOCKED: {
    when: '`<db>/lock` names a live emulator process (same PID, same process start time, same boot), or the store is already open in this process.',
    surfaces: AT_START,
  },
  STORE_LOCK_FAILED: {
    when: 'The lock file cannot be created, read or taken over (permissions, a folder in the way, a lock that keeps coming back).',
    surfaces: AT_START,
  },
  STORE_UNREADABLE: {
    when: 'A store file (`index.json`, a tenant file, a log, or a version-1 store being migrated) exists but cannot be read.',
    surfaces: `${AT_START}; a tenant file read when first used: 500 \`IAM.0006\``,
  },
  STORE_NOT_JSON: {
    when: 'A store file is empty or not JSON.',
    surfaces: `${AT_START}; a tenant file read when first used: 500 \`IAM.0006\``,
  },
  STORE_INVALID: {
    when: 'A store file (after the logs are replayed) is not an iam-testbed store or does not match the schema: a missing or mistyped field, a malformed password hash; or `--db` names something that is neither a store folder nor a version-1 store file.',
    surfaces: `${AT_START}; a tenant file read when first used: 500 \`IAM.0006\``,
  },
  STORE_NEWER_SCHEMA: {
    when: 'A store file has a `schemaVersion` newer than this emulator.',
    surfaces: AT_START,
  },
  STORE_LOG_CORRUPT: {
    when: 'A log line other than the last is not JSON or not a log entry (a torn last line is a crash mid-append and is ignored).',
    surfaces: AT_START,
  },
  STORE_WRITE_FAILED: {
    when: 'The store folder, a tenant file, the index or the log cannot be written: at start (new store, migration, folding a log), or when a commit appends to the log (disk full, I/O error).',
    surfaces: `${AT_START}; during a request: 500 \`IAM.0006\` (INTERNAL), and the change is undone: it is neither in memory nor on disk`,
  },
  STORE_CONFLICT: {
    when: 'A change would give a key another account already holds: an account ID or name, an access key, a user or identity provider ID.',
    surfaces:
      '`POST /_emulator/tenants`: 409 `IAMTB.0004`; an import: 400 `IAMTB.0009`; elsewhere 500 `IAM.0006`, with nothing changed',
  },
  STORE_TENANT_GONE: {
    when: "A request's account was deleted or reset away between authentication and its change.",
    surfaces: 'that request: 401 `APIGW.0301` (the user no longer exists)',
  },
  STORE_CLOSED: {
    when: 'A commit after the store was closed (a request racing `close()`).',
    surfaces: 'that request: 500 `IAM.0006` (INTERNAL)',
  },
  STORE_IMPORT_UNREADABLE: { when: 'The `--import` file cannot be read.', surfaces: AT_START },
  STORE_IMPORT_NOT_JSON: { when: 'The `--import` file is not JSON.', surfaces: AT_START },
  STORE_IMPORT_INVALID: {
    when: 'An imported document is not a store of this schema version: not an object, a newer `schemaVersion`, a missing or mistyped field, a malformed password hash (`users.<id>.password_hash`).',
    surfaces:
      '`--import`: start refused; `PUT /_emulator/state`: 400 `IAMTB.0009`; msw `importState`: throws',
  },
  STORE_IMPORT_INCONSISTENT: {
    when: "An imported document's records do not fit together (docs/control-plane.md: records under their own IDs, unknown account/user/group/IdP, duplicate account names, an AK both permanent and temporary).",
    surfaces:
      '`--import`: start refused; `PUT /_emulator/state`: 400 `IAMTB.0009`; msw `importState`: throws',
  },
  STORE_EXPORT_FAILED: {
    when: 'The `--export-on-exit` file (or its folder) cannot be written.',
    surfaces: 'at stop: `close()` rejects; the CLI prints it and exits 1',
  },
} as const satisfies Record<string, StoreErrorDef>;

export type StoreErrorCode = keyof typeof STORE_ERRORS;

/** Why the store could not do what was asked; the message says what to do and ends with the code. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    /** The message without the code. */
    readonly detail: string,
  ) {
    super(`${detail} [${code}]`);
  }
}

/** `error` as a StoreError: kept when it is one, else wrapped with `code` and `what` (+ its message). */
export function asStoreError(error: unknown, code: StoreErrorCode, what: string): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(code, `${what}: ${error instanceof Error ? error.message : String(error)}`);
}
