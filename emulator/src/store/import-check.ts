/**
 * @module store/import-check
 * Validates a state document offered for import (`PUT /_emulator/state`, `--import FILE`): the
 * store schema (store/schema.ts) and then the cross-record checks (domain/state-integrity.ts).
 * Nothing is changed until a document passes both, so a bad file changes nothing.
 */
import type { StateDoc } from '../domain/state.js';
import { integrityProblems } from '../domain/state-integrity.js';
import { checkStateDoc } from './schema.js';
import type { StoreErrorCode } from './store-errors.js';

export type ImportCheck =
  | { ok: true; state: StateDoc }
  | {
      ok: false;
      code: Extract<StoreErrorCode, 'STORE_IMPORT_INVALID' | 'STORE_IMPORT_INCONSISTENT'>;
      message: string;
    };

export function checkImport(doc: unknown): ImportCheck {
  const schema = checkStateDoc(doc);
  if (!schema.ok) return { ok: false, code: 'STORE_IMPORT_INVALID', message: schema.message };
  const problems = integrityProblems(schema.state);
  if (problems.length > 0)
    return {
      ok: false,
      code: 'STORE_IMPORT_INCONSISTENT',
      message: `its records do not fit together: ${problems.join('; ')}`,
    };
  return { ok: true, state: schema.state };
}
