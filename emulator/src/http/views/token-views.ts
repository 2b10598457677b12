/**
 * @module http/views/token-views
 * The `{"token": {...}}` body of token issuance, validation and the OIDC exchange
 * (docs/reference/huawei-iam-api.md §3.1, docs/reference/sdk-wire.md §5). Every field the SDK model marks required is present;
 * the catalog points at the URL the client called.
 *
 * Why wire views live here, in the HTTP adapter, and not in the domain: a view is the Huawei body
 * of one API (field names, Keystone's microsecond times or v5's, links built from the URL the
 * client called), so it changes with the API, never with a rule. The domain returns records and
 * owns the rules a view shows (the 15-minute last-use rule, who is an administrator); routes and
 * the console's rows call the same views, so a field reads the same everywhere
 * (docs/architecture.md, "Domain").
 */
import { isAdminUser } from '../../domain/identity.js';
import type { TenantDoc, TokenRecord } from '../../domain/state.js';
import { formatMicros } from '../../domain/time-format.js';

/** Fixed IDs for the one catalog entry (the emulator's own IAM endpoint). */
const CATALOG_SERVICE_ID = '0e8c7d2b5a4f4c1e9b6a3d2f1e0c9b8a';
const CATALOG_ENDPOINT_ID = '7a6b5c4d3e2f41a0b9c8d7e6f5a4b3c2';

export interface TokenViewOptions {
  /** `nocatalog` given → false. */
  catalog: boolean;
  /** e.g. `http://127.0.0.1:8790`; the catalog points at the emulator, not at Huawei. */
  baseUrl: string;
}

export function tokenBody(state: TenantDoc, token: TokenRecord, opts: TokenViewOptions) {
  const user = state.users[token.user_id];
  const account = state.accounts[token.domain_id];
  const domain = { id: token.domain_id, name: account?.name ?? '' };
  const scoped = token.scope.type !== 'unscoped';
  const project =
    token.scope.type === 'project' ? state.projects[token.scope.project_id] : undefined;
  return {
    token: {
      methods: token.methods,
      expires_at: formatMicros(token.expires_at),
      issued_at: formatMicros(token.issued_at),
      user: {
        domain,
        id: token.user_id,
        name: user?.name ?? '',
        password_expires_at: '',
        ...(token.idp_id !== null
          ? {
              'OS-FEDERATION': {
                identity_provider: { id: token.idp_id },
                protocol: { id: 'oidc' },
                groups: [],
              },
            }
          : {}),
      },
      ...(token.scope.type === 'domain' ? { domain } : {}),
      ...(project ? { project: { name: project.name, id: project.id, domain } } : {}),
      ...(opts.catalog ? { catalog: scoped ? catalogFor(opts.baseUrl) : [] } : {}),
      // Role names are illustrative (Huawei shows role ids as "0", §3.1); ⚠ UNCONFIRMED names.
      roles:
        user && isAdminUser(state, user)
          ? [
              { name: 'te_admin', id: '0' },
              { name: 'secu_admin', id: '0' },
            ]
          : [],
    },
  };
}

function catalogFor(baseUrl: string) {
  return [
    {
      type: 'identity',
      id: CATALOG_SERVICE_ID,
      name: 'iam',
      endpoints: [
        {
          url: `${baseUrl}/v3`,
          region: '*',
          region_id: '*',
          interface: 'public',
          id: CATALOG_ENDPOINT_ID,
        },
      ],
    },
  ];
}
