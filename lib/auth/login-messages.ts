// What the login page says for each outcome. None of them reveals whether a username exists.
export const LOGIN_ERROR_MESSAGES: Record<string, string> = {
  INVALID: "Wrong username/email or password.",
  INACTIVE: "This account has been deactivated. Ask an administrator to reactivate it.",
  RATE_LIMITED: "Too many failed attempts. Wait 15 minutes and try again.",
  TWO_FACTOR_INVALID: "That code is wrong or was already used. Try the next code from your app.",
  TWO_FACTOR_EXPIRED: "The sign-in took too long. Enter your password again.",
};

export function loginErrorMessage(code: string | null | undefined): string {
  if (!code) return "";
  return LOGIN_ERROR_MESSAGES[code] ?? "Sign-in failed. Please try again.";
}

// Single sign-on (lib/services/sso.ts) and next-auth's own OAuth refusals (a bad id token, a missing
// or replayed state): none says more than the user can act on.
export const SSO_ERROR_MESSAGES: Record<string, string> = {
  SSO_EMAIL_UNVERIFIED:
    "Your identity provider has not verified your email address, so it cannot be matched to an account. Verify it there, or ask an administrator.",
  SSO_NO_ACCOUNT: "There is no TimeTracker account for you yet. Ask an administrator to create one.",
  SSO_EMAIL_TAKEN:
    "An account with your email address already exists but is not linked to your single sign-on identity. Ask an administrator.",
  SSO_LINKED_ELSEWHERE:
    "The account with your email address is linked to a different single sign-on identity. Ask an administrator.",
  SSO_FAILED: "Single sign-on failed. Please try again.",
  OAuthSignin: "The identity provider could not be reached. Try again later, or ask an administrator.",
  OAuthCallback: "Single sign-on was refused: the identity provider's answer could not be verified. Please try again.",
  Callback: "Single sign-on was refused: the identity provider's answer could not be verified. Please try again.",
  AccessDenied: "Sign-in was refused.",
};
Object.assign(LOGIN_ERROR_MESSAGES, SSO_ERROR_MESSAGES);
