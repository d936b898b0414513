// Bench seeding: users, clients, projects, tasks, tags and N time entries over three years, all with
// set-based SQL (INSERT … SELECT generate_series) in chunks, so a million rows take minutes, not hours.
import type { RawSql, SqlTx } from "@/lib/db/raw";

export interface Dataset {
  users: number;
  clients: number;
  projects: number;
  tasks: number;
  tags: number;
  entries: number;
  years: number;
  /** Last day of the data (UTC, YYYY-MM-DD); entries cover the `years` before it. */
  endDay: string;
}

export function datasetFor(entries: number, endDay: string): Dataset {
  return { users: 50, clients: 30, projects: 300, tasks: 3000, tags: 12, entries, years: 3, endDay };
}

const CHUNK = 100_000;

async function base(tx: SqlTx, d: Dataset): Promise<void> {
  await tx.exec(`
    INSERT INTO users (id, username, email, full_name, password_hash, role, timezone, updated_at)
      SELECT gen_random_uuid(), 'bench' || g, 'bench' || g || '@example.test', 'Bench User ' || g, 'x',
             (CASE WHEN g = 0 THEN 'admin' ELSE 'user' END)::"Role", 'Europe/Berlin', now()
      FROM generate_series(0, ${d.users - 1}) g;
    INSERT INTO clients (id, name, default_hourly_rate_cents, updated_at)
      SELECT gen_random_uuid(), 'Client ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 6000 + g * 100 END, now()
      FROM generate_series(0, ${d.clients - 1}) g;
    CREATE TEMP TABLE b_users AS SELECT (row_number() OVER (ORDER BY username) - 1)::int AS n, id FROM users;
    CREATE TEMP TABLE b_clients AS SELECT (row_number() OVER (ORDER BY name) - 1)::int AS n, id FROM clients;
    INSERT INTO projects (id, client_id, name, color, billable, hourly_rate_cents, budget_cents, updated_at)
      SELECT gen_random_uuid(), c.id, 'Project ' || g, '#2563eb', g % 5 <> 0,
             CASE WHEN g % 2 = 0 THEN 9000 ELSE NULL END,
             CASE WHEN g % 10 = 3 THEN 50000000 ELSE NULL END, now()
      FROM generate_series(0, ${d.projects - 1}) g JOIN b_clients c ON c.n = g % ${d.clients};
    CREATE TEMP TABLE b_projects AS
      SELECT (row_number() OVER (ORDER BY (substring(name from 9))::int) - 1)::int AS n, id, billable FROM projects;
    INSERT INTO tasks (id, project_id, name, status, created_by_id, assignee_id, updated_at)
      SELECT gen_random_uuid(), p.id, 'Task ' || g, (ARRAY['todo','in_progress','review','done']::"TaskStatus"[])[1 + g % 4],
             u.id, u.id, now()
      FROM generate_series(0, ${d.tasks - 1}) g
      JOIN b_projects p ON p.n = g / ${d.tasks / d.projects}
      JOIN b_users u ON u.n = g % ${d.users};
    CREATE TEMP TABLE b_tasks AS
      SELECT (row_number() OVER (ORDER BY (substring(name from 6))::int) - 1)::int AS n, id FROM tasks;
    CREATE INDEX ON b_tasks (n);
    INSERT INTO tags (id, name) SELECT gen_random_uuid(), 'tag' || g FROM generate_series(0, ${d.tags - 1}) g;
    CREATE TEMP TABLE b_tags AS SELECT (row_number() OVER (ORDER BY name) - 1)::int AS n, id FROM tags;
  `);
}

/** Entries lo..hi-1: spread over the period, working hours, 15 min–4 h, ~80 % with a task, tags on ~40 %. */
function entryChunk(d: Dataset, lo: number, hi: number): string {
  const days = d.years * 365;
  const perProject = d.tasks / d.projects;
  return `
    WITH r AS MATERIALIZED (
      SELECT g,
             floor(random() * ${d.users})::int AS un,
             floor(random() * ${d.projects})::int AS pn,
             floor(random() * ${perProject})::int AS tk,
             random() AS has_task,
             (date '${d.endDay}' - ${days - 1} + floor(random() * ${days})::int)::timestamp
               + make_interval(mins => 420 + floor(random() * 40)::int * 15) AS local_start,
             (1 + floor(random() * 16))::int * 15 AS minutes,
             random() AS noise
      FROM generate_series(${lo}, ${hi - 1}) g
    ), ins AS (
      INSERT INTO time_entries (id, user_id, project_id, task_id, start, "end", notes, billable, source, updated_at)
      SELECT gen_random_uuid(), u.id, p.id, CASE WHEN r.has_task < 0.8 THEN t.id END,
             r.local_start AT TIME ZONE 'Europe/Berlin',
             (r.local_start AT TIME ZONE 'Europe/Berlin') + make_interval(mins => r.minutes),
             CASE WHEN r.noise < 0.5 THEN '' ELSE 'Worked on item #' || r.g END,
             p.billable AND r.noise < 0.9,
             (ARRAY['timer','manual','bulk','import']::"EntrySource"[])[1 + r.g % 4],
             now()
      FROM r JOIN b_users u ON u.n = r.un JOIN b_projects p ON p.n = r.pn
      JOIN b_tasks t ON t.n = r.pn * ${perProject} + r.tk
      RETURNING id
    ), tagged AS MATERIALIZED (SELECT id, random() AS a, random() AS b FROM ins)
    INSERT INTO time_entry_tags (entry_id, tag_id)
      SELECT x.id, tg.id FROM tagged x JOIN b_tags tg ON tg.n = floor(x.a * 100)::int % ${d.tags} WHERE x.a < 0.4
      UNION ALL
      SELECT x.id, tg.id FROM tagged x JOIN b_tags tg ON tg.n = (floor(x.a * 100)::int + 1 + floor(x.b * 5)::int) % ${d.tags}
      WHERE x.a < 0.1`;
}

/** Fills an empty, migrated database. Prints progress to stderr. */
export async function seed(sql: RawSql, d: Dataset, log: (msg: string) => void): Promise<void> {
  const started = performance.now();
  await sql.withSession(async (s) => {
    await s.query("SELECT setseed(0.42)");
    await base(s, d);
    for (let lo = 0; lo < d.entries; lo += CHUNK) {
      const hi = Math.min(d.entries, lo + CHUNK);
      await s.transaction((tx) => tx.exec(entryChunk(d, lo, hi)));
      log(
        `  entries ${hi.toLocaleString("en")} / ${d.entries.toLocaleString("en")} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    // A few running timers (the /metrics gauge counts them), one per user at most.
    await s.exec(`
      INSERT INTO time_entries (id, user_id, project_id, start, billable, source, updated_at)
        SELECT gen_random_uuid(), u.id, p.id, now() - interval '1 hour', true, 'timer', now()
        FROM b_users u JOIN b_projects p ON p.n = u.n WHERE u.n BETWEEN 1 AND 5;
      DROP TABLE b_users, b_clients, b_projects, b_tasks, b_tags;`);
  });
  log(`  analyze …`);
  await sql.exec("VACUUM ANALYZE");
  log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
