// `npm run user:reset-2fa -- EMAIL_OR_USERNAME`
// The emergency path for two-factor sign-in, from the server's shell: removes the account's
// authenticator and recovery codes, so it signs in with the password alone (and can enrol again).
// Meant for the last administrator locked out of their second factor; any admin can do the same
// for others from Admin → Users → the account.
import { closeDb, ensureMigrated } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { systemActor } from "@/lib/services/actor";
import { resetUserTwoFactor } from "@/lib/services/two-factor-admin";
import { findAccountIdForLogin } from "@/lib/services/users";

async function main() {
  const login = process.argv[2];
  if (!login) {
    console.error("Usage: npm run user:reset-2fa -- EMAIL_OR_USERNAME");
    process.exitCode = 2;
    return;
  }
  try {
    await ensureMigrated();
    const id = await findAccountIdForLogin(login);
    if (!id) {
      console.error(`No account is named ${login}.`);
      process.exitCode = 1;
      return;
    }
    const { reset } = await resetUserTwoFactor(systemActor("cli:user-reset-2fa"), { id });
    console.log(
      reset
        ? `Two-factor sign-in removed from ${login}: the password alone signs in now.`
        : `${login} had no two-factor sign-in: nothing changed.`,
    );
  } catch (err) {
    console.error(err instanceof AppError ? err.message : `Could not reset: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

void main();
