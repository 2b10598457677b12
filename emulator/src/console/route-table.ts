/**
 * @module console/route-table
 * Every console API route (under /console-api). They are ordinary routes of the one dispatcher
 * (http/dispatch.ts): the server and the msw handlers add them to the Huawei API and control
 * plane routes.
 */
import type { ConsoleApiRoute } from '../http/api.js';
import { accessKeyRoutes } from './routes/access-key-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { securityRoutes } from './routes/security-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { temporaryKeyRoutes } from './routes/temporary-key-routes.js';

export const CONSOLE_ROUTES: readonly ConsoleApiRoute[] = [
  ...sessionRoutes,
  ...credentialRoutes,
  ...accessKeyRoutes,
  ...temporaryKeyRoutes,
  ...securityRoutes,
];
