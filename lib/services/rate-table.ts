// The one rate resolver: which hourly rate applied to an entry, by level and by day. Invoices use it
// directly; lib/services/rates.ts loads it. Most specific level wins (project member > project >
// member > client > organization); within a level the rate with the latest effective day on or before
// the entry's day (in the organization's time zone) applies, so a change never reprices past work.
// A project's and a client's rate typed on their own forms count as that level's rate since forever.
import "server-only";
import type { DateKey } from "@/lib/time/tz";
import type { RateLevel } from "@/lib/validation/rates";

export interface RateRow {
  clientId: string | null;
  projectId: string | null;
  userId: string | null;
  /** "YYYY-MM-DD" */
  effectiveFrom: DateKey;
  hourlyRate: number;
}

export interface ResolvedRate {
  rate: number;
  level: RateLevel | "none";
}

type Dated = { from: DateKey; rate: number }[];

export class RateTable {
  private readonly byKey = new Map<string, Dated>();

  constructor(
    rows: readonly RateRow[],
    /** project id → its client and the rate on the project's form (null: none). */
    private readonly projects: ReadonlyMap<string, { clientId: string; baseRate: number | null }>,
    /** client id → the default rate on the client's form. */
    private readonly clients: ReadonlyMap<string, number | null>,
  ) {
    for (const r of rows) {
      const k = RateTable.key(RateTable.levelOf(r), r.projectId ?? r.clientId, r.userId);
      const list = this.byKey.get(k) ?? [];
      list.push({ from: r.effectiveFrom, rate: r.hourlyRate });
      this.byKey.set(k, list);
    }
    for (const list of this.byKey.values()) list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  }

  static levelOf(r: Pick<RateRow, "clientId" | "projectId" | "userId">): RateLevel {
    if (r.projectId && r.userId) return "project_member";
    if (r.projectId) return "project";
    if (r.userId) return "member";
    if (r.clientId) return "client";
    return "organization";
  }

  private static key(level: RateLevel, scope: string | null, user: string | null): string {
    return `${level}|${scope ?? ""}|${user ?? ""}`;
  }

  private dated(level: RateLevel, scope: string | null, user: string | null, day: DateKey): number | null {
    const list = this.byKey.get(RateTable.key(level, scope, user));
    if (!list) return null;
    // Newest first: the first one that started on or before the day is in force.
    for (const r of list) if (r.from <= day) return r.rate;
    return null;
  }

  /** The rate for work by `userId` on `projectId` on `day`. */
  resolve(projectId: string, userId: string, day: DateKey): ResolvedRate {
    const project = this.projects.get(projectId);
    const clientId = project?.clientId ?? null;
    const steps: [RateLevel, () => number | null][] = [
      ["project_member", () => this.dated("project_member", projectId, userId, day)],
      ["project", () => this.dated("project", projectId, null, day) ?? project?.baseRate ?? null],
      ["member", () => this.dated("member", null, userId, day)],
      [
        "client",
        () => (clientId ? (this.dated("client", clientId, null, day) ?? this.clients.get(clientId) ?? null) : null),
      ],
      ["organization", () => this.dated("organization", null, null, day)],
    ];
    for (const [level, find] of steps) {
      const rate = find();
      if (rate !== null) return { rate, level };
    }
    return { rate: 0, level: "none" };
  }
}
