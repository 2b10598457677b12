/**
 * @module http/auth/claims
 * The headers that say what a request claims besides its credential: `X-Security-Token` (with a
 * temporary key), `X-Domain-Id` and `X-Project-Id` (docs/reference/huawei-iam-api.md §8.4). The domain decides
 * whether they fit the credential (domain/credentials.ts).
 */
import type { Claims } from '../../domain/credentials.js';
import type { ApiRequest } from '../api.js';

export function claimsOf(req: ApiRequest): Claims {
  return {
    securityToken: req.headers['x-security-token'],
    domainId: req.headers['x-domain-id'],
    projectId: req.headers['x-project-id'],
  };
}
