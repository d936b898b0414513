// The profile's sessions page actions, through the real action pipeline and session check: ending
// one session or all the others, only ever the caller's own.
import { requireUser } from "@/lib/auth/session";
import { systemActor } from "@/lib/services/actor";
import { listMySessions } from "@/lib/services/my-sessions";
import { createSession, listSessions } from "@/lib/services/sessions";
import { createUser } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";
import { actAs, TEST_SECRET } from "./authz/session";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
const sys = systemActor("test:my-sessions");
const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.append(k, v);
  return f;
};

describe("sessions page", () => {
  it("ends one session, or all but this browser's, and never someone else's", async () => {
    const { endSessionAction, endOtherSessionsAction } = await import("@/app/(app)/profile/sessions/actions");
    const alice = await createUser(sys, { username: "alice", email: "alice@example.com", password: "s3cret-passw0rd" });
    const bob = await createUser(sys, { username: "bob", email: "bob@example.com", password: "s3cret-passw0rd" });
    const phone = await createSession(alice.id, "Safari on iOS");
    await createSession(alice.id, "Chrome on Windows");
    const bobs = await createSession(bob.id, "Firefox on Linux");
    await actAs(alice.id); // this browser: a third session, "Jest"

    expect((await listMySessions(alice)).map((s) => s.deviceLabel).sort()).toEqual([
      "Chrome on Windows",
      "Jest",
      "Safari on iOS",
    ]);
    // Bob's session id, sent by alice: refused, and bob stays signed in.
    const refused = await endSessionAction(null, form({ id: bobs }));
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await listSessions(bob.id)).toHaveLength(1);

    await expect(endSessionAction(null, form({ id: phone }))).resolves.toEqual({ ok: true, data: undefined });
    expect((await listMySessions(alice)).map((s) => s.deviceLabel).sort()).toEqual(["Chrome on Windows", "Jest"]);

    await expect(endOtherSessionsAction(null, form({}))).resolves.toEqual({ ok: true, data: { ended: 1 } });
    expect((await listMySessions(alice)).map((s) => s.deviceLabel)).toEqual(["Jest"]);
    // This browser is still signed in; bob too.
    await expect(requireUser()).resolves.toMatchObject({ id: alice.id });
    expect(await listSessions(bob.id)).toHaveLength(1);
    expect(await endSessionAction(null, form({ id: phone }))).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
