// `npm run user:create -- --username NAME --email EMAIL [--password PW] [--admin] [--name "Full Name"]`
// Creates an account on the configured database (migrating it first). Without --password, reads it
// from the TT_PASSWORD environment variable or prompts for it, so it need not sit in shell history.
// With --admin on an installation whose setup is not complete, it also marks setup complete (the
// wizard is then skipped; installation telemetry stays off until an admin turns it on).
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { closeDb, ensureMigrated } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { systemActor } from "@/lib/services/actor";
import { markSetupComplete } from "@/lib/services/installation";
import { createUser } from "@/lib/services/users";
import { ZodError } from "zod";

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean", default: false },
    },
  });
  if (!values.username || !values.email) {
    console.error(
      "Usage: npm run user:create -- --username NAME --email EMAIL [--password PW] [--admin] [--name NAME]",
    );
    process.exitCode = 2;
    return;
  }
  let password = values.password ?? process.env.TT_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question("Password: ");
    rl.close();
  }
  try {
    await ensureMigrated();
    // The operator at the server's shell acts as an administrator (there may be no account yet).
    const cli = systemActor("cli:user-create");
    const user = await createUser(cli, {
      username: values.username,
      email: values.email,
      password,
      fullName: values.name ?? "",
      role: values.admin ? "admin" : "user",
    });
    console.log(`Created ${user.role} ${user.username} (${user.id}).`);
    if (user.role === "admin" && (await markSetupComplete(cli)))
      console.log("Setup marked complete: the installation wizard is skipped.");
  } catch (err) {
    if (err instanceof ZodError) console.error(err.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("\n"));
    else if (err instanceof AppError) console.error(err.message);
    else console.error(`Could not create the user: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

void main();
