// The claim table (invoice_entries): the migration moves today's claims into it, and on PostgreSQL an
// entry edit and a draft that meet on the same entry never leave a billed entry changed behind the
// invoice's back: the edit waits for the draft and is refused, or the draft waits for the edit and
// bills the entry as edited. The waits are observed in pg_stat_activity, not slept through.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DbConnection } from "@/lib/db/connection";
import { db } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createManualEntry, deleteEntry, updateEntry } from "@/lib/services/entries";
import { getInvoice } from "@/lib/services/invoice-queries";
import { createInvoiceDraft } from "@/lib/services/invoices";
import { connectEmptyPglite, MIGRATIONS_DIR, setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const CLAIMS_MIGRATION = "20261208011903_invoice_entries";

describe("the invoice_entries migration", () => {
  let conn: DbConnection;
  let dir: string;
  beforeEach(() => {
    conn = connectEmptyPglite();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-claims-mig-"));
  });
  afterEach(async () => {
    await conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("moves each billed entry's invoice into the claim table and drops the column", async () => {
    const all = readMigrations(MIGRATIONS_DIR).map((m) => m.name);
    const at = all.indexOf(CLAIMS_MIGRATION);
    expect(at).toBeGreaterThan(0);
    for (const name of all.slice(0, at))
      fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await migrate(conn.raw, dir);
    const q = conn.raw.query.bind(conn.raw);
    const [user] = await q<{ id: string }>(
      `INSERT INTO users (id, username, email, password_hash, updated_at)
       VALUES (gen_random_uuid(), 'u', 'u@example.com', 'x', now()) RETURNING id`,
    );
    const [client] = await q<{ id: string }>(
      `INSERT INTO clients (id, name, updated_at) VALUES (gen_random_uuid(), 'C', now()) RETURNING id`,
    );
    const [project] = await q<{ id: string }>(
      `INSERT INTO projects (id, client_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'P', now()) RETURNING id`,
      [client.id],
    );
    const invoice = async () =>
      (
        await q<{ id: string }>(
          `INSERT INTO invoices (id, client_id, currency, price_mode, rounding, updated_at)
           VALUES (gen_random_uuid(), $1, 'EUR', 'net', 'half_up', now()) RETURNING id`,
          [client.id],
        )
      )[0].id;
    const [draft, issued] = [await invoice(), await invoice()];
    const entry = async (invoiceId: string | null) =>
      (
        await q<{ id: string }>(
          `INSERT INTO time_entries (id, user_id, project_id, start, "end", invoice_id, updated_at)
           VALUES (gen_random_uuid(), $1, $2, now() - interval '2 hours', now() - interval '1 hour', $3, now())
           RETURNING id`,
          [user.id, project.id, invoiceId],
        )
      )[0].id;
    const onDraft = [await entry(draft), await entry(draft)];
    const onIssued = await entry(issued);
    await entry(null);

    const result = await migrate(conn.raw, MIGRATIONS_DIR);
    expect(result.applied[0]).toBe(CLAIMS_MIGRATION);
    const claims = await q<{ entry_id: string; invoice_id: string }>(
      "SELECT entry_id::text, invoice_id::text FROM invoice_entries ORDER BY invoice_id, entry_id",
    );
    expect(new Set(claims.map((c) => `${c.entry_id}>${c.invoice_id}`))).toEqual(
      new Set([...onDraft.map((e) => `${e}>${draft}`), `${onIssued}>${issued}`]),
    );
    const columns = await q<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'time_entries'",
    );
    expect(columns.map((c) => c.column_name)).not.toContain("invoice_id");
    // A claimed entry cannot be deleted underneath its invoice; deleting the draft releases its claims.
    await expect(q("DELETE FROM time_entries WHERE id = $1", [onIssued])).rejects.toThrow(/foreign key/);
    await q("DELETE FROM invoices WHERE id = $1", [draft]);
    expect(await q("SELECT 1 FROM invoice_entries")).toHaveLength(1);
  });
});

(onPostgres ? describe : describe.skip)("an edit and a draft on the same entry at once (PostgreSQL)", () => {
  let s: Awaited<ReturnType<typeof seedTracking>>;
  beforeAll(async () => {
    s = await seedTracking();
  });
  beforeEach(async () => {
    await db().invoiceEntry.deleteMany();
    await db().invoiceLine.deleteMany();
    await db().invoice.deleteMany();
  });

  const raw = () => testDb.current().conn.raw;
  /** Resolves once some session of this test's database waits for a lock. */
  async function someoneWaits(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [{ n }] = await raw().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (n > 0) return;
      if (Date.now() > deadline) throw new Error("no session ever waited for a lock");
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** Runs `hold` in a transaction on its own connection and keeps it open until release(). */
  function inTransaction(
    hold: (tx: { query: (sql: string, params?: unknown[]) => Promise<unknown> }) => Promise<void>,
  ) {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let ready!: () => void;
    const held = new Promise<void>((r) => (ready = r));
    const done = raw().withSession((session) =>
      session.transaction(async (tx) => {
        await hold(tx);
        ready();
        await released;
      }),
    );
    return { held, release, done };
  }

  it("an edit that meets a draft in progress waits for it, then is refused", async () => {
    const e = await createManualEntry(s.alice, {
      projectId: s.project.id,
      date: "2026-03-02",
      startTime: "09:00",
      duration: "1h",
    });
    const draft = await createInvoiceDraft(s.admin, {
      clientId: s.client.id,
      includeTime: false,
      manualLines: [{ description: "Setup", unitPrice: "10" }],
    });
    // What a draft's claim does, held open: the row FOR SHARE and the claim row inserted.
    const other = inTransaction(async (tx) => {
      await tx.query(
        `INSERT INTO invoice_entries (entry_id, invoice_id)
         SELECT id, $2::uuid FROM time_entries WHERE id = $1::uuid FOR SHARE`,
        [e.id, draft.id],
      );
    });
    await other.held;
    const edit = updateEntry(s.alice, {
      id: e.id,
      projectId: s.project.id,
      date: "2026-03-02",
      startTime: "09:00",
      duration: "3h",
      notes: "changed",
    }).then(
      () => "saved",
      (err: unknown) => String(err),
    );
    await someoneWaits();
    other.release();
    await other.done;
    expect(await edit).toMatch(/on a draft invoice/);
    const row = await db().timeEntry.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.end!.getTime() - row.start.getTime()).toBe(3_600_000);
    // Deleting waits and is refused the same way (the claim is committed now: refused at once).
    expect(await deleteEntry(s.alice, { id: e.id }).catch((err: unknown) => String(err))).toMatch(/draft invoice/);
    await db().invoiceEntry.deleteMany();
    await deleteEntry(s.alice, { id: e.id });
  });

  it("a draft that meets an edit in progress waits for it, then bills the entry as edited", async () => {
    const e = await createManualEntry(s.alice, {
      projectId: s.project.id,
      date: "2026-03-03",
      startTime: "09:00",
      duration: "1h",
    });
    // An edit held open: the entry locked and made two hours long, not committed yet.
    const edit = inTransaction(async (tx) => {
      await tx.query(`SELECT id FROM time_entries WHERE id = $1::uuid FOR UPDATE`, [e.id]);
      await tx.query(`UPDATE time_entries SET "end" = start + interval '2 hours' WHERE id = $1::uuid`, [e.id]);
    });
    await edit.held;
    const drafting = createInvoiceDraft(s.admin, { clientId: s.client.id, from: "2026-03-01", to: "2026-03-31" });
    await someoneWaits();
    edit.release();
    await edit.done;
    const inv = await getInvoice(s.admin, (await drafting).id);
    // Two hours at the client's 100.00 an hour, not the one hour the draft's snapshot saw.
    expect(inv.lines.map((l) => l.quantityMilli)).toEqual([2000]);
    expect(inv.netMinor).toBe(20000);
    expect(await db().invoiceEntry.count({ where: { invoiceId: inv.id } })).toBe(1);
  });
});
