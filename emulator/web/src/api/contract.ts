/** The console API contract lives with the server (one definition for both sides). */
export * from '../../../src/console/contract';
