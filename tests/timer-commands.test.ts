// Timer commands with a browser-chosen id (POST /api/v1/timer/commands), against a real database:
// a start replayed (lost answer, two tabs, the same id at once) starts one timer; a start made
// offline keeps the time it was made; a stop replayed after a newer start never stops that one.
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { setupTestDb } from "./helpers/db";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import * as commands from "@/app/api/v1/timer/commands/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
let f: Fixture;
beforeAll(async () => {
  f = await seedInstalledFixture();
});

async function send(body: unknown) {
  const res = await commands.POST(
    new NextRequest("http://localhost/api/v1/timer/commands", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const running = (userId: string) => db().timeEntry.findMany({ where: { userId, end: null } });

describe("timer commands", () => {
  it("applies a start once: the same id again answers duplicate and starts nothing", async () => {
    await actAs(f.bob.id);
    const id = crypto.randomUUID();
    const first = await send({ id, kind: "start", projectId: f.project.id, notes: "palette" });
    expect(first).toMatchObject({ status: 200, body: { duplicate: false, outcome: "started" } });
    const again = await send({ id, kind: "start", projectId: f.project.id, notes: "palette" });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, outcome: "started" } });
    expect(again.body.entryId).toBe(first.body.entryId);
    expect((await running(f.bob.id)).map((e) => e.id)).toEqual([first.body.entryId]);
    // A different id is a new start: the timer already runs.
    const other = await send({ id: crypto.randomUUID(), kind: "start", projectId: f.project.id });
    expect(other).toMatchObject({ status: 409, body: { code: "CONFLICT" } });
    const stop = await send({ id: crypto.randomUUID(), kind: "stop" });
    expect(stop.body).toMatchObject({ duplicate: false, outcome: "stopped", entryId: first.body.entryId });
  });

  it("the same id sent twice at once starts one timer, and both answers name it", async () => {
    await actAs(f.bob.id);
    const id = crypto.randomUUID();
    const body = { id, kind: "start", projectId: f.project.id };
    const [a, b] = await Promise.all([send(body), send(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.entryId).toBe(b.body.entryId);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect(await running(f.bob.id)).toHaveLength(1);
    await send({ id: crypto.randomUUID(), kind: "stop" });
  });

  it("starts and stops at the time the command was made (an offline replay)", async () => {
    await actAs(f.bob.id);
    const startedAt = new Date(Date.now() - 40 * 60_000);
    const stoppedAt = new Date(Date.now() - 10 * 60_000);
    const start = await send({ id: crypto.randomUUID(), kind: "start", projectId: f.project.id, at: startedAt });
    const stopId = crypto.randomUUID();
    const stop = await send({ id: stopId, kind: "stop", at: stoppedAt });
    expect(stop.body.entryId).toBe(start.body.entryId);
    const e = await db().timeEntry.findUniqueOrThrow({ where: { id: start.body.entryId } });
    expect(e.start.toISOString()).toBe(startedAt.toISOString());
    expect(e.end!.getTime()).toBeGreaterThanOrEqual(stoppedAt.getTime());
    expect(e.end!.getTime()).toBeLessThan(Date.now() - 5 * 60_000);
    // The stop replayed after a newer start must not stop the newer timer.
    const newer = await send({ id: crypto.randomUUID(), kind: "start", projectId: f.project.id });
    expect((await send({ id: stopId, kind: "stop", at: stoppedAt })).body).toMatchObject({ duplicate: true });
    expect((await running(f.bob.id)).map((r) => r.id)).toEqual([newer.body.entryId]);
    await send({ id: crypto.randomUUID(), kind: "stop" });
  });

  it("refuses future, ancient and malformed commands with 400, and another user's id with 409", async () => {
    await actAs(f.bob.id);
    const future = await send({ id: crypto.randomUUID(), kind: "stop", at: new Date(Date.now() + 3600_000) });
    expect(future).toMatchObject({ status: 400, body: { code: "VALIDATION" } });
    const old = new Date(Date.now() - 8 * 24 * 3600_000);
    const ancient = await send({ id: crypto.randomUUID(), kind: "start", projectId: f.project.id, at: old });
    expect(ancient).toMatchObject({ status: 400, body: { code: "VALIDATION" } });
    expect((await send({ id: "x", kind: "stop" })).status).toBe(400);
    expect((await send({ id: crypto.randomUUID(), kind: "explode" })).status).toBe(400);
    const bobs = crypto.randomUUID();
    await send({ id: bobs, kind: "stop" });
    await actAs(f.alice.id);
    expect(await send({ id: bobs, kind: "stop" })).toMatchObject({
      status: 409,
      body: { code: "CONFLICT" },
    });
  });

  it("resume restarts the caller's last entry; switch stops and starts in one go", async () => {
    await actAs(f.alice.id);
    const resumed = await send({ id: crypto.randomUUID(), kind: "resume" });
    expect(resumed.body).toMatchObject({ duplicate: false, outcome: "started" });
    const switched = await send({ id: crypto.randomUUID(), kind: "switch", projectId: f.project.id, notes: "next" });
    expect(switched.body.outcome).toBe("started");
    const open = await running(f.alice.id);
    expect(open.map((e) => [e.id, e.notes])).toEqual([[switched.body.entryId, "next"]]);
    await send({ id: crypto.randomUUID(), kind: "stop" });
  });
});
