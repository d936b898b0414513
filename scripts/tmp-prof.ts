import { db } from "@/lib/db";
import { dashboardData } from "@/lib/services/dashboard";
import { listEntries } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { listProjects } from "@/lib/services/projects";
import { getRunningEntry } from "@/lib/services/timer";
import { weekData } from "@/lib/services/week";
import { projectTotals } from "@/lib/services/project-stats";
import { startOfWeek, dateKey } from "@/lib/services/time/tz";
import { ZEntryFilters } from "@/lib/validation/reports";
async function t(name: string, f: () => Promise<unknown>) { const s = performance.now(); await f(); console.log(name, (performance.now() - s).toFixed(1), "ms"); }
(async () => {
  const u = await db().user.findFirstOrThrow({ where: { username: "bench1" } });
  const user = { id: u.id, role: u.role } as never;
  for (let i = 0; i < 2; i++) {
    const tz = await timezoneOf(u.id);
    await t("week", () => weekData(user, startOfWeek(dateKey(new Date(), tz), 1), tz));
    await t("running", () => getRunningEntry(user));
    await t("list", () => listEntries(user, ZEntryFilters.parse({}), { limit: 6, tz }));
    await t("projects", () => listProjects());
    const ps = await listProjects();
    await t("totals watched", () => projectTotals(ps.filter((p) => p.budgetCents !== null).map((p) => p.id)));
    await t("dashboard", () => dashboardData(user));
  }
  process.exit(0);
})();
