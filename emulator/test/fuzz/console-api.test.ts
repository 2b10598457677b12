/**
 * Fuzz: malformed calls to the console API (`/console-api/*`) with a signed-in session and its
 * CSRF token — malformed JSON, wrong types, unknown and missing fields, huge and odd strings, bad
 * query parameters and AKs, wrong methods and content types — and calls that break the session,
 * CSRF or body rules. Each must get a documented 4xx and change nothing (run-cases.ts).
 */
import { describeFuzz } from './describe-fuzz';
import { consoleCases } from './console-cases';

describeFuzz({
  name: 'the console API',
  file: 'test/fuzz/console-api.test.ts',
  runs: 200,
  cases: (fx) => consoleCases(fx.ids),
});
