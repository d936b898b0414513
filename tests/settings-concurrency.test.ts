// Organization settings on a fresh database: many first requests at once all get the defaults (the
// row is created once; the losers of the race read it instead of failing on the primary key).
import { db } from "@/lib/db";
import { getOrgSettings } from "@/lib/services/settings";
import { setupTestDb } from "./helpers/db";

setupTestDb();

it("concurrent first reads all succeed and create one row", async () => {
  await db().organizationSettings.deleteMany({});
  const all = await Promise.all(Array.from({ length: 20 }, () => getOrgSettings()));
  expect(new Set(all.map((s) => s.timezone)).size).toBe(1);
  expect(await db().organizationSettings.count()).toBe(1);
});
