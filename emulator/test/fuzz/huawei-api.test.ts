/**
 * Fuzz: malformed requests to the emulated Huawei API (v3, v3.0 OS-CREDENTIAL / OS-USER /
 * OS-SECURITYPOLICY, v5) — malformed JSON, wrong types, unknown and missing fields, huge and odd
 * strings, bad query parameters, bad path IDs, wrong methods and content types, broken
 * credentials. Each must get a documented 4xx and change nothing (run-cases.ts).
 */
import { describeFuzz } from './describe-fuzz';
import { huaweiCases } from './huawei-cases';

describeFuzz({
  name: 'the Huawei API',
  file: 'test/fuzz/huawei-api.test.ts',
  runs: 300,
  cases: (fx) => huaweiCases(fx.ids),
});
