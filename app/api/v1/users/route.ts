// GET /api/v1/users: every account (administrators only; a token needs the admin scope and an
// owner who is an administrator now). 200 { data: User[] }, never password hashes.
import { json, apiRoute } from "@/lib/api/json-route";
import { listUsers } from "@/lib/services/users";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/users", ["admin"], async (_req, { actor }) => {
  const users = await listUsers(actor);
  return json({
    data: users.map((u) => ({
      id: u.id,
      username: u.username,
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      active: u.active,
      timezone: u.timezone,
      createdAt: u.createdAt.toISOString(),
    })),
  });
});
