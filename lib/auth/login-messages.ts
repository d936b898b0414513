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
