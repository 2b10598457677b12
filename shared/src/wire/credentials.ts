/**
 * @module wire/credentials
 * Permanent access keys, `/v3.0/OS-CREDENTIAL/credentials` (docs/reference/huawei-iam-api.md §1), and the v5
 * `/v5/users/{user_id}/access-keys` API (docs/reference/sdk-wire.md §4–5). Times are
 * `YYYY-MM-DDTHH:mm:ss.ssssssZ` UTC strings.
 */

export type AccessKeyStatus = 'active' | 'inactive';

/** POST body. `user_id` is required; `description` optional. */
export interface CreateCredentialRequest {
  credential: { user_id: string; description?: string };
}

/** 201. The only response that ever carries `secret`. */
export interface CreateCredentialResponse {
  credential: {
    access: string;
    secret: string;
    create_time: string;
    user_id: string;
    description: string;
    status: AccessKeyStatus;
  };
}

/** One entry of the list: no `secret`, no `last_use_time`. */
export interface CredentialListItem {
  access: string;
  create_time: string;
  user_id: string;
  description: string;
  status: AccessKeyStatus;
}

/** 200 for `GET …/credentials[?user_id=]`. */
export interface ListCredentialsResponse {
  credentials: CredentialListItem[];
}

/** 200 for `GET …/credentials/{access_key}`. `last_use_time` starts equal to `create_time`. */
export interface ShowCredentialResponse {
  credential: CredentialListItem & { last_use_time: string };
}

/** PUT body: at least one of `status` or `description`. */
export interface UpdateCredentialRequest {
  credential: { status?: AccessKeyStatus; description?: string };
}

/** 200 for PUT. */
export interface UpdateCredentialResponse {
  credential: CredentialListItem;
}

/** v5 `POST /v5/users/{user_id}/access-keys` → 201 (no request body). */
export interface CreateAccessKeyV5Response {
  access_key: {
    user_id: string;
    access_key_id: string;
    created_at: string;
    secret_access_key: string;
    status: AccessKeyStatus;
  };
}

export interface AccessKeyV5 {
  user_id: string;
  access_key_id: string;
  created_at: string;
  status: AccessKeyStatus;
}

/** v5 `GET …/access-keys?limit=&marker=` → 200. */
export interface ListAccessKeysV5Response {
  access_keys: AccessKeyV5[];
  page_info: { next_marker?: string | null; current_count: number };
}

/** v5 `PUT …/access-keys/{ak}` body and 200 response. */
export interface UpdateAccessKeyV5Request {
  status: AccessKeyStatus;
}
export interface UpdateAccessKeyV5Response {
  access_key: AccessKeyV5;
}

/** v5 `GET …/access-keys/{ak}/last-used` → 200. */
export interface ShowAccessKeyLastUsedV5Response {
  access_key_last_used: { last_used_at?: string | null };
}
