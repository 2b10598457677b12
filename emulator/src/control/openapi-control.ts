/**
 * @module control/openapi-control
 * The OpenAPI operations of the control plane, by operation name (the `operation` of each
 * control route). A test fails when a control route has no entry here, or an entry no route.
 */
import { ref, type Schema } from './openapi-schemas.js';

type Operation = Record<string, unknown>;

const jsonBody = (schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => jsonBody(ref('ControlError'), description);
const noBody = (description: string) => ({ description });
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
const requestBody = (schema: Schema, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});

const BAD = error('Invalid input (IAMTB.0002/0003)');
const NOT_FOUND = error('Unknown ID (IAMTB.0005)');

export const CONTROL_OPERATIONS: Record<string, Operation> = {
  emulatorHealth: {
    summary: 'Liveness: version and uptime (also HEAD)',
    responses: { 200: jsonBody(ref('Health'), 'Alive') },
  },
  emulatorReady: {
    summary: 'Readiness: 200 once the store is loaded and seeded (also HEAD)',
    responses: {
      200: jsonBody(ref('Ready'), 'Ready'),
      503: jsonBody(ref('Ready'), 'Still starting (Retry-After: 1)'),
    },
  },
  emulatorCreateTenant: {
    summary: 'Create an isolated account with credentials (shown only here)',
    requestBody: requestBody(ref('TenantRequest'), false),
    responses: {
      201: jsonBody(ref('Tenant'), 'Created'),
      400: BAD,
      409: error('Name, IdP or ID already taken (IAMTB.0004)'),
    },
  },
  emulatorListTenants: {
    summary: 'List every account (no secrets)',
    responses: { 200: jsonBody(ref('TenantList'), 'Accounts, oldest first') },
  },
  emulatorDeleteTenant: {
    summary: 'Delete an account and every record of it',
    parameters: [pathParam('domain_id', 'The account ID (32 lower-case hex)')],
    responses: { 204: noBody('Deleted'), 400: BAD, 404: NOT_FOUND },
  },
  emulatorReset: {
    summary:
      'Back to the seed (all), or one account back to its baseline (?domain_id=); GET is 405',
    responses: { 200: jsonBody(ref('Reset'), 'Reset'), 404: NOT_FOUND },
  },
  emulatorGetClock: {
    summary: 'Read the emulator clock',
    responses: { 200: jsonBody(ref('Clock'), 'The clock') },
  },
  emulatorSetClock: {
    summary: 'Advance, set, freeze/unfreeze or reset the emulator clock (every TTL follows it)',
    requestBody: requestBody(ref('ClockChange')),
    responses: {
      200: jsonBody(ref('Clock'), 'The clock after the change'),
      400: BAD,
      409: error('The injected clock cannot be moved (IAMTB.0008)'),
    },
  },
  emulatorListVerificationCodes: {
    summary: 'Operation-protection codes "sent" by SMS, e-mail or virtual MFA (newest last)',
    responses: { 200: jsonBody(ref('VerificationCodes'), 'Codes') },
  },
  emulatorListRequests: {
    summary: 'The request journal (oldest first; control-plane calls only with control=true)',
    responses: { 200: jsonBody(ref('Requests'), 'Entries'), 400: BAD },
  },
  emulatorClearRequests: {
    summary: 'Empty the request journal',
    responses: { 204: noBody('Emptied') },
  },
  emulatorListFaults: {
    summary: 'Fault rules in evaluation order',
    responses: { 200: jsonBody(ref('Faults'), 'Rules') },
  },
  emulatorAddFaults: {
    summary: 'Append fault rules (first match wins)',
    requestBody: requestBody(ref('FaultsRequest')),
    responses: { 201: jsonBody(ref('Faults'), 'The added rules with their IDs'), 400: BAD },
  },
  emulatorClearFaults: {
    summary: 'Remove every fault rule',
    responses: { 204: noBody('Removed') },
  },
  emulatorDeleteFault: {
    summary: 'Remove one fault rule',
    parameters: [pathParam('id', 'Rule ID, e.g. f1')],
    responses: { 204: noBody('Removed'), 404: NOT_FOUND },
  },
  emulatorExportState: {
    summary: 'Export the whole store (contains secrets: keep it out of version control)',
    responses: { 200: jsonBody(ref('StateDoc'), 'The store document') },
  },
  emulatorImportState: {
    summary: 'Import an export atomically (a bad document changes nothing)',
    requestBody: requestBody(ref('StateDoc')),
    responses: {
      200: jsonBody(ref('ImportResult'), 'Imported'),
      400: error('Refused (IAMTB.0009 / IAMTB.0003); nothing changed'),
    },
  },
  emulatorCreateConsoleSession: {
    summary: 'A signed-in console session cookie for a user (skip the login form)',
    requestBody: requestBody(ref('ConsoleSessionRequest')),
    responses: { 201: jsonBody(ref('ConsoleSession'), 'Session'), 400: BAD, 404: NOT_FOUND },
  },
  emulatorOpenApi: {
    summary: 'This document',
    responses: { 200: jsonBody({ type: 'object' }, 'OpenAPI 3.0 document') },
  },
};

/** Answers every control call can give besides its own. */
export const CONTROL_COMMON_RESPONSES: Record<string, unknown> = {
  400: error(
    'A query parameter the endpoint does not take, or a repeated, empty or malformed one (IAMTB.0002)',
  ),
  401: error('--control-token set and X-Iam-Testbed-Control-Token missing or wrong (IAMTB.0006)'),
  403: error('Foreign Origin (IAMTB.0001) or non-local Host without a control token (IAMTB.0007)'),
};
