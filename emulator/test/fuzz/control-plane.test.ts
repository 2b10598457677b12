/**
 * Fuzz: malformed requests to the control plane (`/_emulator/*`) — bad tenant, clock, fault,
 * console-session and state-import bodies, bad query parameters (reset's `domain_id` above all),
 * bad path IDs, wrong methods and content types, unknown paths. Each must get a documented 4xx
 * and change nothing: not the store, the clock or the fault rules (run-cases.ts).
 */
import { describeFuzz } from './describe-fuzz';
import { controlCases } from './control-cases';
import type { Json } from './values';

describeFuzz({
  name: 'the control plane',
  file: 'test/fuzz/control-plane.test.ts',
  runs: 200,
  cases: async (fx) => controlCases(fx.ids, (await fx.observe()).exported as Json),
});
