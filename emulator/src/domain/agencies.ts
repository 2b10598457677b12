/**
 * @module domain/agencies
 * Agencies and `methods: ["assume_role"]` (docs/reference/huawei-iam-api.md §2.2). An agency of account A
 * trusting account B lets B's users get temporary keys that act in A. Every emulated account
 * gets one agency, `iam-testbed-agency`, trusting itself, so assume_role works out of the box.
 * Deviations (docs/deviations.md): agencies carry administrator rights in the delegating
 * account; the "Agent Operator" permission of the caller is not checked.
 */
import { newHex32Id } from '@iam-testbed/shared';
import type { CallerContext, DomainContext } from './context.js';
import { IamError } from './errors.js';
import type { AgencyRecord, TenantDoc, TemporaryKeyRecord } from './state.js';
import { checkDuration, checkPolicy, mintTemporaryKey } from './temporary-keys.js';

export const DEFAULT_AGENCY_NAME = 'iam-testbed-agency';

export function createAgency(
  state: TenantDoc,
  input: { name: string; domainId: string; trustDomainId: string; admin?: boolean },
  ctx: DomainContext,
): AgencyRecord {
  const agency: AgencyRecord = {
    id: newHex32Id(ctx.random),
    name: input.name,
    domain_id: input.domainId,
    trust_domain_id: input.trustDomainId,
    admin: input.admin ?? true,
    created_at: ctx.clock.now(),
  };
  state.agencies[agency.id] = agency;
  return agency;
}

export interface AssumeRoleInput {
  agency_name: string;
  domain_id?: string;
  domain_name?: string;
  duration_seconds?: unknown;
  session_user?: { name: string };
  policy?: unknown;
}

export function assumeRole(
  state: TenantDoc,
  input: AssumeRoleInput,
  ctx: CallerContext,
): TemporaryKeyRecord {
  const durationSeconds = checkDuration(input.duration_seconds);
  const policy = checkPolicy(input.policy);
  const caller = ctx.caller;
  if (caller.kind === 'agency') {
    throw new IamError(
      'IAM_FORBIDDEN',
      {},
      'A temporary key obtained through an agency cannot assume another agency; use a user credential.',
    );
  }
  const account = Object.values(state.accounts).find((a) =>
    input.domain_id !== undefined ? a.id === input.domain_id : a.name === input.domain_name,
  );
  if (!account) {
    throw new IamError('KEYSTONE_NOT_FOUND', {
      target: 'domain',
      id: input.domain_id ?? input.domain_name ?? '',
    });
  }
  const agency = Object.values(state.agencies).find(
    (a) => a.domain_id === account.id && a.name === input.agency_name,
  );
  if (!agency)
    throw new IamError('KEYSTONE_NOT_FOUND', { target: 'agency', id: input.agency_name });
  if (agency.trust_domain_id !== caller.domain_id) {
    throw new IamError(
      'IAM_FORBIDDEN',
      {},
      `Agency ${agency.name} does not trust the caller's account.`,
    );
  }
  return mintTemporaryKey(
    state,
    {
      principal: {
        type: 'agency',
        agency_id: agency.id,
        session_user: input.session_user?.name ?? caller.user.name,
        assumed_by: caller.user.id,
      },
      domainId: agency.domain_id,
      source: 'assume_role',
      durationSeconds,
      policy,
      notAfter: caller.token?.expires_at ?? caller.temporaryKey?.expires_at,
    },
    ctx,
  );
}
