/**
 * @module http/routes
 * Every route of the emulated Huawei APIs, then the control plane.
 */
import { clockRoutes } from '../../control/clock.js';
import { consoleSessionRoutes } from '../../control/console-sessions.js';
import { faultRoutes } from '../../control/faults.js';
import { healthRoutes } from '../../control/health.js';
import { openApiRoutes } from '../../control/openapi.js';
import { requestRoutes } from '../../control/requests.js';
import { resetRoutes } from '../../control/reset.js';
import { stateRoutes } from '../../control/state.js';
import { tenantRoutes } from '../../control/tenants.js';
import { verificationCodeRoutes } from '../../control/verification-codes.js';
import type { ApiRoute, ControlRoute } from '../api.js';
import { accessKeyV5Routes } from './access-keys-v5.js';
import { credentialRoutes } from './credentials.js';
import { discoveryRoutes } from './discovery.js';
import { federationRoutes } from './federation.js';
import { protectPolicyRoutes } from './protect-policy.js';
import { securityTokenRoutes } from './security-tokens.js';
import { tokenRoutes } from './tokens.js';
import { userRoutes } from './users.js';

export const HUAWEI_ROUTES: readonly ApiRoute[] = [
  ...credentialRoutes,
  ...accessKeyV5Routes,
  ...securityTokenRoutes,
  ...tokenRoutes,
  ...federationRoutes,
  ...discoveryRoutes,
  ...userRoutes,
  ...protectPolicyRoutes,
];

export const CONTROL_ROUTES: readonly ControlRoute[] = [
  ...healthRoutes,
  ...tenantRoutes,
  ...resetRoutes,
  ...clockRoutes,
  ...verificationCodeRoutes,
  ...requestRoutes,
  ...faultRoutes,
  ...stateRoutes,
  ...consoleSessionRoutes,
  ...openApiRoutes(() => ALL_ROUTES),
];

/** The Huawei API and the control plane (the console API's routes are console/route-table.ts). */
export const ALL_ROUTES: readonly (ApiRoute | ControlRoute)[] = [
  ...HUAWEI_ROUTES,
  ...CONTROL_ROUTES,
];
