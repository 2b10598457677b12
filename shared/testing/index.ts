/**
 * @module @iam-testbed/shared/testing
 * Test support for every package: the published SDK-HMAC-SHA256 vectors (Go SDK and Node SDK
 * captures, copied from the references) and an independent node:crypto signer to check ours
 * against. Node only (the oracle uses `node:crypto`) and for tests only: runtime code (the
 * extension, the emulator's `src/`) must never import it; the extension has a test for that.
 */
export * from './oracle.js';
export * from './vectors.js';
