/**
 * @module wire/security-tokens
 * Temporary access keys, `POST /v3.0/OS-CREDENTIAL/securitytokens` (docs/reference/huawei-iam-api.md §2). One URL,
 * two flows told apart by `auth.identity.methods`.
 */

/** Session policy: capitalised keys, at most SESSION_POLICY_MAX_CHARS when serialised. */
export interface SessionPolicy {
  Version: string;
  Statement: Array<{
    Effect: 'Allow' | 'Deny';
    Action: string[];
    Resource?: string[];
    Condition?: Record<string, Record<string, string[]>>;
  }>;
}

/** `methods: ["token"]`: a temporary key for the caller (or for the user of `token.id`). */
export interface SecurityTokenByTokenRequest {
  auth: {
    identity: {
      methods: ['token'];
      token?: { id?: string; duration_seconds?: number };
      policy?: SessionPolicy;
    };
  };
}

/** `methods: ["assume_role"]`: a temporary key acting through an agency. */
export interface SecurityTokenByAgencyRequest {
  auth: {
    identity: {
      methods: ['assume_role'];
      assume_role: {
        agency_name: string;
        /** at least one of domain_id / domain_name */
        domain_id?: string;
        domain_name?: string;
        duration_seconds?: number;
        /** 5–64 of `[A-Za-z0-9_-]`, starting with a letter */
        session_user?: { name: string };
      };
      policy?: SessionPolicy;
    };
  };
}

export type SecurityTokenRequest = SecurityTokenByTokenRequest | SecurityTokenByAgencyRequest;

/** 201. `expires_at` carries microseconds ending in `000Z` (the Node SDK strips `000Z` → `Z`). */
export interface SecurityTokenResponse {
  credential: { access: string; secret: string; expires_at: string; securitytoken: string };
}
