/**
 * @module wire/users
 * Users (docs/reference/huawei-iam-api.md §5). `is_domain_owner` or membership of the `admin` group makes an
 * administrator.
 */
import type { Links } from './projects.js';

export type AccessMode = 'default' | 'programmatic' | 'console';

/** `GET /v3/users/{user_id}` */
export interface KeystoneShowUserResponse {
  user: {
    id: string;
    name: string;
    domain_id: string;
    enabled: boolean;
    description?: string;
    pwd_status?: boolean;
    last_project_id?: string;
    /** null means it never expires */
    password_expires_at: string | null;
    access_mode?: AccessMode;
    links: Links;
  };
}

/** `GET /v3.0/OS-USER/users/{user_id}` (recommended). Times here are `YYYY-MM-DD HH:mm:ss.S`. */
export interface ShowUserResponse {
  user: {
    id: string;
    name: string;
    domain_id: string;
    enabled: boolean;
    is_domain_owner: boolean;
    access_mode: AccessMode;
    description?: string;
    email?: string;
    areacode?: string;
    phone?: string;
    xuser_id?: string;
    xuser_type?: string;
    pwd_status?: boolean;
    pwd_strength?: 'Low' | 'Middle' | 'High' | 'None';
    create_time?: string;
    update_time?: string | null;
    last_login_time?: string | null;
    last_pwd_auth_time?: string | null;
    pwd_create_time?: string | null;
    modify_pwd_time?: string | null;
    links: Links;
  };
}

/** `POST /v3.0/OS-USER/users` → 201 */
export interface CreateUserRequest {
  user: {
    domain_id: string;
    name: string;
    password?: string;
    email?: string;
    areacode?: string;
    phone?: string;
    enabled?: boolean;
    pwd_status?: boolean;
    access_mode?: AccessMode;
    description?: string;
  };
}

/** `GET /v3/users/{user_id}/groups` */
export interface ListGroupsForUserResponse {
  groups: Array<{
    id: string;
    name: string;
    description: string;
    domain_id: string;
    create_time: number;
    links: Links;
  }>;
  links: Links;
}
