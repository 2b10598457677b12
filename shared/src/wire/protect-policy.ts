/**
 * @module wire/protect-policy
 * Operation protection, `/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy`
 * (docs/reference/huawei-iam-api.md §6.1). `allow_user.manage_accesskey` decides whether ordinary IAM users may
 * manage their own access keys.
 */

export interface AllowUser {
  manage_accesskey: boolean;
  manage_email: boolean;
  manage_mobile: boolean;
  manage_password: boolean;
}

export type AdminCheck = 'on' | 'off';
/** `''` when admin_check is off */
export type ProtectScene = 'mobile' | 'email' | '';

/** GET → 200 */
export interface ShowProtectPolicyResponse {
  protect_policy: {
    allow_user: AllowUser;
    operation_protection: boolean;
    mobile: string;
    admin_check: AdminCheck;
    email: string;
    scene: ProtectScene;
  };
}

/** PUT body: `operation_protection` is required; `scene` is required when admin_check is "on". */
export interface UpdateProtectPolicyRequest {
  protect_policy: {
    operation_protection: boolean;
    allow_user?: Partial<AllowUser>;
    admin_check?: AdminCheck;
    scene?: 'mobile' | 'email';
    /** `0086-123456789` */
    mobile?: string;
    email?: string;
  };
}

/** PUT → 200: no `mobile` or `email`. */
export interface UpdateProtectPolicyResponse {
  protect_policy: {
    allow_user: AllowUser;
    operation_protection: boolean;
    admin_check: AdminCheck;
    scene: ProtectScene;
  };
}
