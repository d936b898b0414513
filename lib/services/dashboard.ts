// What the dashboard shows, in one call: this week's grid and totals in the user's zone, the
// running timer, recent entries, and budget alerts (lib/services/budget-alerts.ts: up to 30 s old).
import "server-only";
import type { Actor } from "./actor";
import { budgetAlerts } from "./budget-alerts";
import { listEntries } from "./entries";
import { timezoneOf } from "./entry-input";
import { listProjects } from "./projects";
import { getOrgSettings } from "./settings";
import { getRunningEntry } from "./timer";
import { dateKey, startOfWeek } from "@/lib/time/tz";
import { weekData } from "./week";
import { ZEntryFilters } from "@/lib/validation/reports";

export async function dashboardData(user: Actor) {
  const [tz, org] = await Promise.all([timezoneOf(user.id), getOrgSettings()]);
  const today = dateKey(new Date(), tz);
  const [week, running, recent, projects] = await Promise.all([
    weekData(user, startOfWeek(today, org.weekStart), tz),
    getRunningEntry(user),
    listEntries(user, ZEntryFilters.parse({}), { limit: 6, tz }),
    listProjects(user),
  ]);
  const alerts = await budgetAlerts(user, projects);
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  return { today, week, running, recent, alerts, projectNames };
}
