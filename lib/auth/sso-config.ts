// The single sign-on configuration, from the environment (OIDC_*; docs/configuration.md).
import "server-only";
import { env } from "@/lib/env";

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  label: string;
  adminGroup?: string;
  groupsClaim: string;
  emergencyPasswordLogin: boolean;
}

/** The configuration from the environment, or null when SSO is not set up. */
export function ssoConfig(): SsoConfig | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scopes: e.OIDC_SCOPES,
    label: e.OIDC_BUTTON_LABEL,
    adminGroup: e.OIDC_ADMIN_GROUP,
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    emergencyPasswordLogin: e.OIDC_EMERGENCY_PASSWORD_LOGIN,
  };
}

/** Where the provider's discovery document lives (OpenID Connect Discovery 1.0, section 4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}
