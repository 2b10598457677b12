/**
 * @module wire
 * IAM wire bodies, error shapes, header names and limits.
 */
export * from './credentials.js';
export * from './errors.js';
export * from './headers.js';
export * from './limits.js';
export * from './projects.js';
export * from './protect-policy.js';
export * from './security-tokens.js';
export * from './tokens.js';
export * from './users.js';
