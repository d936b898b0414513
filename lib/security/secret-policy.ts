// When may the server start with the session-signing secret it has? Production refuses a weak one,
// and a missing one when on PostgreSQL (several replicas must share one key; DATA_DIR may not persist).
const PLACEHOLDERS = /^(changeme|change-me|secret|password|replace-me|your-secret.*|x+|0+)$/i;
export const SECRET_HINT = "Generate one with: openssl rand -base64 32";

export function secretProblem(e: { NODE_ENV: string; NEXTAUTH_SECRET?: string; DATABASE_URL?: string }): string | null {
  if (e.NODE_ENV !== "production") return null;
  const s = e.NEXTAUTH_SECRET;
  if (!s) {
    return e.DATABASE_URL ? `NEXTAUTH_SECRET is required with DATABASE_URL in production. ${SECRET_HINT}` : null;
  }
  if (s.length < 32 || PLACEHOLDERS.test(s) || new Set(s).size < 10) {
    return `NEXTAUTH_SECRET is too weak (use at least 32 random characters). ${SECRET_HINT}`;
  }
  return null;
}
