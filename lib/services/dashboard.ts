// What the dashboard shows, in one call: this week's grid and totals in the user's zone, the
// running timer, recent entries, and budget alerts for the projects that can raise one.
import "server-only";
import type { Actor } from "./actor";
import { listEntries } from "./entries";
import { timezoneOf } from "./entry-input";
import { projectTotals } from "./project-stats";
import { listProjects } from "./projects";
import { getOrgSettings } from "./settings";
import { getRunningEntry } from "./timer";
import { dateKey, startOfWeek } from "./time/tz";
import { weekData } from "./week";
import { ZEntryFilters } from "@/lib/validation/reports";

export async function dashboardData(user: Actor) {
  const [tz, org] = await Promise.all([timezoneOf(user.id), getOrgSettings()]);
  const today = dateKey(new Date(), tz);
  const [week, running, recent, projects] = await Promise.all([
    weekData(user, startOfWeek(today, org.weekStart), tz),
    getRunningEntry(user),
    listEntries(user, ZEntryFilters.parse({}), { limit: 6, tz }),
    listProjects(),
  ]);
  // Only a project with a budget or an estimate can raise an alert: summing the others' entries
  // (every entry ever logged; at a million entries, a full scan per page view) would show nothing.
  const watched = projects.filter((p) => p.budgetCents !== null || p.estimatedMinutes !== null).map((p) => p.id);
  const alerts = watched.length ? (await projectTotals(watched)).filter((t) => t.alert) : [];
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  return { today, week, running, recent, alerts, projectNames };
}
