/**
 * @module console/routes/credential-routes
 * `GET /console-api/api-credential`: the API Credentials tab — the user, the account and the
 * account's projects (region projects and their sub-projects) from the domain's project list,
 * the same list `GET /v3/auth/projects` answers.
 */
import { projectsOf } from '../../domain/projects.js';
import type { ConsoleApiRoute } from '../../http/api.js';
import { CONSOLE_API_BASE, type ApiCredentialInfo, type ProjectRow } from '../contract.js';
import { accountOf, reply, signedIn, tenantOf } from '../console-context.js';
import { regionRef } from '../session-info.js';

export const credentialRoutes: ConsoleApiRoute[] = [
  {
    method: 'GET',
    path: `${CONSOLE_API_BASE}/api-credential`,
    operation: 'console.showApiCredential',
    family: 'console',
    auth: 'session',
    access: 'user',
    handler(_req, ctx) {
      const user = signedIn(ctx);
      const account = accountOf(ctx, user);
      const projects: ProjectRow[] = projectsOf(tenantOf(ctx), account.id).map((p) => ({
        id: p.id,
        name: p.name,
        region: regionRef(p.region),
        // A region project's parent is the account itself: the console shows it as top-level.
        parent_id: p.parent_id === account.id ? null : p.parent_id,
      }));
      const body: ApiCredentialInfo = {
        user: { id: user.id, name: user.name },
        domain: { id: account.id, name: account.name },
        projects,
      };
      return reply(200, body);
    },
  },
];
