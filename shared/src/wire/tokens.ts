/**
 * @module wire/tokens
 * Keystone tokens, `POST|GET /v3/auth/tokens` (docs/reference/huawei-iam-api.md §3). The token itself travels in
 * the `X-Subject-Token` response header; the body must still be the JSON below (docs/reference/sdk-wire.md §1.11).
 */

export interface NameAndId {
  name?: string;
  id?: string;
}

export interface TokenScope {
  domain?: NameAndId;
  project?: NameAndId;
}

export interface PasswordTokenRequest {
  auth: {
    identity: {
      methods: ['password'] | ['password', 'totp'];
      password: { user: { name?: string; id?: string; password: string; domain?: NameAndId } };
      totp?: { user: { id: string; passcode: string } };
    };
    /** project wins over domain; none means a global-service token */
    scope?: TokenScope;
  };
}

export interface TokenCatalogEntry {
  type: string;
  id: string;
  name: string;
  endpoints: Array<{
    url: string;
    region: string;
    region_id: string;
    interface: string;
    id: string;
  }>;
}

export interface TokenBody {
  methods: string[];
  expires_at: string;
  issued_at: string;
  user: {
    domain: { id: string; name: string };
    id: string;
    name: string;
    /** '' means the password never expires */
    password_expires_at: string;
  };
  /** only for a domain-scoped token */
  domain?: { id: string; name: string };
  /** only for a project-scoped token */
  project?: { id: string; name: string; domain: { id: string; name: string } };
  catalog: TokenCatalogEntry[];
  /** role `id` is "0" by default */
  roles: Array<{ id: string; name: string }>;
}

/** 201 for POST, 200 for GET; header `X-Subject-Token`. */
export interface TokenResponse {
  token: TokenBody;
}
