// The CSV export's contract, byte for byte: the streamed export must equal what the first
// implementation (Prisma $queryRaw, one Intl call per timestamp, csvLine per row) wrote, for awkward
// data — formula-like and quoted cells, line breaks, delimiters, tags, tasks or none, DST switches,
// half-hour zones, entries without a project (empty project and client cells), identical start instants (keyset ties), batch edges — on PGlite and PostgreSQL.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/services/actor";
import { csvLine } from "@/lib/services/csv";
import { CSV_COLUMNS, exportEntriesCsv } from "@/lib/services/export";
import { MINUTE_SECONDS_SQL, RATE_SQL } from "@/lib/services/reports";
import { updateOrgSettings } from "@/lib/services/settings";
import { formatDecimalHours, formatHm } from "@/lib/time/duration-parse";
import { formatZonedIso } from "@/lib/time/tz";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
const all = ZEntryFilters.parse({});

const NOTES = [
  "",
  "plain",
  "=SUM(A1)",
  "+1",
  "-2",
  "@x",
  "\tlead",
  "\rlead",
  'say "hi"',
  "a,b",
  "a;b",
  "a\tb",
  "two\nlines",
  "é ü 漢字",
];

beforeAll(async () => {
  s = await seedTracking();
  const tags = ["billing", "=evil", "x;y"];
  for (const name of tags) await db().tag.create({ data: { name } });
  const base = Date.UTC(2026, 2, 29, 0, 30); // Europe's spring switch is at 01:00 UTC that day
  for (let i = 0; i < 60; i++) {
    // Every fourth entry shares its start with the one before (keyset ties); some hours span a DST switch.
    const start = new Date(base + Math.floor(i / 2) * 37 * 60_000 + (i % 2 ? 0 : 123) - (i % 4 === 1 ? 123 : 0));
    const end = i === 7 ? null : new Date(start.getTime() + (i + 1) * 61_000 + 7);
    const created = new Date(Date.UTC(2025, 9, 26, 0, 59, 59, 999) + i * 60_000);
    await db().$executeRaw`
      INSERT INTO time_entries (id, user_id, project_id, task_id, start, "end", notes, billable, source, created_at, updated_at)
      VALUES (gen_random_uuid(), ${i % 3 ? s.alice.id : s.bob.id}::uuid, ${i % 7 === 3 ? null : s.project.id}::uuid,
              ${i % 2 && i % 7 !== 3 ? s.task.id : null}::uuid, ${start}, ${end}, ${NOTES[i % NOTES.length]}, ${i % 5 !== 0},
              ${["timer", "manual", "bulk", "import"][i % 4]}::"EntrySource", ${created}, now())`;
  }
  await db().$executeRaw`
    INSERT INTO time_entry_tags (entry_id, tag_id)
    SELECT e.id, g.id FROM time_entries e CROSS JOIN tags g
    WHERE (extract(minute FROM e.start)::int + length(g.name)) % 3 = 0`;
});

/** The export as the first implementation wrote it (kept here as the reference). */
async function reference(actor: Actor, tz: string, d: string): Promise<string> {
  const where = actor.role === "admin" ? Prisma.sql`TRUE` : Prisma.sql`e.user_id = ${actor.id}::uuid`;
  const rows = await db().$queryRaw<
    {
      id: string;
      username: string;
      client: string | null;
      project: string | null;
      task: string | null;
      start: Date;
      end: Date | null;
      seconds: number;
      notes: string;
      tags: string | null;
      source: string;
      billable: boolean;
      amount: number;
      created_at: Date;
    }[]
  >(Prisma.sql`
    SELECT e.id::text AS id, u.username, c.name AS client, p.name AS project, t.name AS task,
           e.start, e."end", ${MINUTE_SECONDS_SQL}::float8 AS seconds, e.notes, e.source::text AS source, e.billable,
           (SELECT string_agg(g.name, ', ' ORDER BY g.name) FROM time_entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = e.id) AS tags,
           CASE WHEN e.billable THEN ${MINUTE_SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END::float8 AS amount,
           e.created_at
    FROM time_entries e
    LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = p.client_id
    JOIN users u ON u.id = e.user_id LEFT JOIN tasks t ON t.id = e.task_id
    WHERE ${where} AND e."end" IS NOT NULL
    ORDER BY e.start DESC, e.id DESC`);
  let out = "\uFEFF" + csvLine(CSV_COLUMNS, d);
  for (const r of rows) {
    out += csvLine(
      [
        r.id,
        r.username,
        r.client ?? "",
        r.project ?? "",
        r.task ?? "",
        formatZonedIso(r.start, tz),
        r.end ? formatZonedIso(r.end, tz) : "",
        formatDecimalHours(Number(r.seconds)),
        formatHm(Number(r.seconds)),
        r.notes,
        r.tags ?? "",
        r.source,
        r.billable ? "yes" : "no",
        (Number(r.amount) / 100).toFixed(2),
        formatZonedIso(r.created_at, tz),
      ],
      d,
    );
  }
  return out;
}

/** The export, without the running entry's line (its duration moves with the clock). */
async function exported(actor: Actor, tz: string, batchSize?: number): Promise<{ text: string; running: string[] }> {
  const bytes = await new Response(await exportEntriesCsv(actor, all, tz, { batchSize })).arrayBuffer();
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes); // keep the BOM: it is part of the contract
  const lines = text.split("\r\n");
  const runningId = (await db().timeEntry.findFirstOrThrow({ where: { end: null } })).id;
  const isRunning = (l: string) => l.startsWith(runningId);
  return { text: lines.filter((l) => !isRunning(l)).join("\r\n"), running: lines.filter(isRunning) };
}

describe("CSV export contract", () => {
  it.each([
    [",", "Europe/Berlin", undefined],
    [";", "America/St_Johns", 7],
    ["\t", "Asia/Kathmandu", 2],
    [",", "UTC", 1],
  ])("delimiter %j in %s (batch size %p) equals the reference byte for byte", async (d, tz, batchSize) => {
    await updateOrgSettings(s.admin, { csvDelimiter: d as "," | ";" | "\t" });
    const got = await exported(s.admin, tz, batchSize);
    expect(got.text).toBe(await reference(s.admin, tz, d));
    expect(got.running).toHaveLength(1);
    await updateOrgSettings(s.admin, { csvDelimiter: "," });
  });

  it("keeps users to their own entries", async () => {
    const got = await exported(s.bob, "Europe/Amsterdam", 4);
    expect(got.text).toBe(await reference(s.bob, "Europe/Amsterdam", ","));
    expect(got.text.split("\r\n").length - 2).toBe(20); // header + 20 rows + the final empty line
  });
});
