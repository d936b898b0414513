// Fixtures for time-tracking tests: two users, an admin, a client, a project and a task.
import { systemActor, type Actor } from "@/lib/services/actor";
import { createClient } from "@/lib/services/clients";
import { createProject } from "@/lib/services/projects";
import { updateOrgSettings } from "@/lib/services/settings";
import { createTask } from "@/lib/services/tasks";
import { createUser } from "@/lib/services/users";

export async function seedTracking(n = "") {
  const mk = async (name: string, role: "admin" | "user"): Promise<Actor> => {
    const u = await createUser(systemActor("test:seed"), {
      username: `${name}${n}`,
      email: `${name}${n}@example.com`,
      password: "s3cret-password",
      role,
    });
    return { id: u.id, role: u.role };
  };
  const alice = await mk("alice", "user");
  const bob = await mk("bob", "user");
  const admin = await mk("admin", "admin");
  // These fixtures let members see (and set) money, as before the setting existed; the default, money
  // hidden from members, is tested in tests/money-visibility.test.ts.
  await updateOrgSettings(systemActor("test:seed"), { membersSeeMoney: true });
  // Money fields take amounts as typed in forms (100 = 100.00), stored as cents.
  const client = await createClient(alice, { name: `Acme${n}`, defaultHourlyRateCents: 100 });
  const project = await createProject(alice, { clientId: client.id, name: "Website", billable: true });
  const task = await createTask(alice, { projectId: project.id, name: "Design" });
  return { alice, bob, admin, client, project, task };
}
