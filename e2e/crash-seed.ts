// For e2e/crash-safety.spec.ts: creates a client and a project on a stopped server's data folder
// (DATA_DIR) for the given username, and prints the project id. Usage: tsx e2e/crash-seed.ts NAME
import { closeDb, db, ensureMigrated } from "@/lib/db";
import { createClient } from "@/lib/services/clients";
import { createProject } from "@/lib/services/projects";

async function main() {
  await ensureMigrated();
  const u = await db().user.findUniqueOrThrow({
    where: { username: process.argv[2] },
    select: { id: true, role: true },
  });
  const client = await createClient(u, { name: "Crash Co" });
  const project = await createProject(u, { clientId: client.id, name: "Crash test", billable: false });
  console.log(`PROJECT=${project.id}`);
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
