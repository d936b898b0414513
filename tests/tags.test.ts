// The tags page's rules against a real database: members see only their own tags (created by them
// or on their entries), with usage counts; rename, merge and delete; a tag others use is left to admins.
import { db } from "@/lib/db";
import { createManualEntry, getEntry } from "@/lib/services/entries";
import { deleteTag, listTags, listTagUsage, mergeTags, renameTag } from "@/lib/services/tags";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
beforeAll(async () => {
  s = await seedTracking();
});
beforeEach(async () => {
  await db().timeEntry.deleteMany();
  await db().tag.deleteMany();
});

const entryOf = (who: { id: string; role: "admin" | "user" }, tags: string[]) =>
  createManualEntry(who, { projectId: s.project.id, date: "2026-05-04", duration: "1h", tags });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const tagId = async (name: string) => (await db().tag.findUniqueOrThrow({ where: { name } })).id;

it("bob does not see alice's tags; the admin sees every tag; a shared tag shows for both", async () => {
  await entryOf(s.alice, ["alice-client-x", "meeting"]);
  await entryOf(s.alice, ["meeting"]);
  await entryOf(s.bob, ["bob-private", "meeting"]);
  expect(names(await listTags(s.bob))).toEqual(["bob-private", "meeting"]);
  expect(names(await listTags(s.alice))).toEqual(["alice-client-x", "meeting"]);
  expect(names(await listTags(s.admin))).toEqual(["alice-client-x", "bob-private", "meeting"]);

  const usage = await listTagUsage(s.alice);
  expect(usage.map((u) => [u.name, u.entries, u.canManage])).toEqual([
    ["alice-client-x", 1, true],
    // Alice typed "meeting" first, but bob uses it too: only an admin may change it.
    ["meeting", 2, false],
  ]);
  expect((await listTagUsage(s.admin)).find((u) => u.name === "meeting")).toMatchObject({
    entries: 3,
    canManage: true,
  });
  // Bob cannot touch alice's tag: it looks missing.
  await expect(renameTag(s.bob, { id: await tagId("alice-client-x"), name: "x" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(deleteTag(s.alice, { id: await tagId("meeting") })).rejects.toMatchObject({ code: "FORBIDDEN" });
});

it("rename, merge (entries carry the target once) and delete (entries stay)", async () => {
  const e1 = await entryOf(s.alice, ["desing", "design"]);
  const e2 = await entryOf(s.alice, ["desing"]);
  await expect(renameTag(s.alice, { id: await tagId("desing"), name: "design" })).rejects.toMatchObject({
    fieldErrors: { name: [expect.stringContaining("merge into it")] },
  });
  expect(await mergeTags(s.alice, { id: await tagId("desing"), intoId: await tagId("design") })).toEqual({ moved: 2 });
  expect((await getEntry(s.alice, e1.id)).tags).toEqual(["design"]);
  expect((await getEntry(s.alice, e2.id)).tags).toEqual(["design"]);
  await renameTag(s.alice, { id: await tagId("design"), name: "Design" });
  expect((await getEntry(s.alice, e1.id)).tags).toEqual(["Design"]);
  await deleteTag(s.alice, { id: await tagId("Design") });
  expect((await getEntry(s.alice, e1.id)).tags).toEqual([]);
  expect(await listTagUsage(s.alice)).toEqual([]);
});
