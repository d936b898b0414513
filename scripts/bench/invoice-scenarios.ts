// The invoicing scenarios (issue #16): a draft from one client's last 365 days of billable time
// (preview + create, as the "New invoice" page does; the draft is deleted again after each sample,
// untimed, so every sample bills the same entries), and the PDF of an issued ~500-line invoice.
// The draft's floor replays the statements one sample sent inside a transaction that is rolled back.
import type { RawSql } from "@/lib/db/raw";
import type { Actor } from "@/lib/services/actor";
import { issueInvoice } from "@/lib/services/invoice-lifecycle";
import { renderInvoicePdf } from "@/lib/services/invoice-pdf";
import { createInvoiceDraft, deleteInvoiceDraft, previewInvoice } from "@/lib/services/invoices";
import { addDays, type DateKey } from "@/lib/time/tz";
import { capture } from "./db";
import type { Scenario } from "./scenarios";

const ROLLBACK = new Error("bench: roll back the floor's transaction");

/** The client with the most billable, finished, unbilled entries in [from, to] (ties: by name). */
async function busiestClient(raw: RawSql, from: DateKey, to: DateKey, skip: string[] = []) {
  const rows = await raw.query<{ id: string; n: number }>(
    `SELECT c.id::text AS id, count(*)::int AS n
       FROM time_entries e JOIN projects p ON p.id = e.project_id JOIN clients c ON c.id = p.client_id
      WHERE e.billable AND e."end" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM invoice_entries ie WHERE ie.entry_id = e.id)
        AND e.start >= $1::date - interval '1 day' AND e.start < $2::date + interval '2 days'
        AND NOT (c.id::text = ANY($3::text[]))
      GROUP BY c.id, c.name ORDER BY n DESC, c.name LIMIT 1`,
    [from, to, skip],
  );
  if (!rows[0]) throw new Error("bench: no client with billable entries");
  return rows[0];
}

/**
 * The first day from which `client`'s unbilled billable entries before `to` number at least `lines`
 * (a small --quick dataset may have fewer: then its first day, and the report says how many lines).
 */
async function periodStartFor(raw: RawSql, clientId: string, to: DateKey, lines: number): Promise<DateKey> {
  const rows = await raw.query<{ day: string }>(
    `SELECT to_char(e.start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
       FROM time_entries e JOIN projects p ON p.id = e.project_id
      WHERE p.client_id = $1::uuid AND e.billable AND e."end" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM invoice_entries ie WHERE ie.entry_id = e.id)
        AND e.start < $2::date
      ORDER BY e.start DESC OFFSET $3 LIMIT 1`,
    [clientId, to, lines - 1],
  );
  return (rows[0]?.day ?? "2000-01-01") as DateKey;
}

export async function invoiceScenarios(raw: RawSql, admin: Actor, endDay: DateKey): Promise<Scenario[]> {
  const yearFrom = addDays(endDay, -364);
  const client = await busiestClient(raw, yearFrom, endDay);
  const draft = { clientId: client.id, from: yearFrom, to: endDay, groupBy: "project" as const };
  let lastDraft: string | null = null;
  const createDraft = async () => {
    const preview = await previewInvoice(admin, draft);
    const { id } = await createInvoiceDraft(admin, {
      ...draft,
      expectedEntries: preview.entryCount,
      expectedExpenses: preview.expenseCount,
    });
    lastDraft = id;
    return preview;
  };
  const dropDraft = async () => {
    if (lastDraft) await deleteInvoiceDraft(admin, { id: lastDraft });
    lastDraft = null;
  };

  // The PDF: another client's latest unbilled entries, one line per entry, issued once here. The
  // period ends before the year scenario's, so the two never bill the same entries.
  const pdfClient = await busiestClient(raw, yearFrom, endDay, [client.id]);
  const pdfTo = addDays(endDay, -400);
  const pdfFrom = await periodStartFor(raw, pdfClient.id, pdfTo, 500);
  const { id: pdfId } = await createInvoiceDraft(admin, {
    clientId: pdfClient.id,
    from: pdfFrom,
    to: addDays(pdfTo, -1),
    groupBy: "entry",
    includeExpenses: false,
  });
  await issueInvoice(admin, { id: pdfId });
  const [{ lines }] = await raw.query<{ lines: number }>(
    "SELECT count(*)::int AS lines FROM invoice_lines WHERE invoice_id = $1::uuid",
    [pdfId],
  );

  return [
    {
      name: "invoice_from_year_of_time",
      description:
        "Draft invoice from one client's last 365 days of billable time (preview + create, grouped by project; the draft is deleted between samples, untimed)",
      run: createDraft,
      reset: dropDraft,
      note: `client with the most billable entries in the year (${client.n.toLocaleString("en")} entries)`,
      memory: true,
      samples: 20,
      async floor(rawSql: RawSql) {
        const statements = await capture(createDraft);
        await dropDraft();
        return {
          statements,
          run: async () => {
            await rawSql
              .withSession((s) =>
                s.transaction(async (tx) => {
                  for (const st of statements) await tx.query(st.sql, st.params);
                  throw ROLLBACK;
                }),
              )
              .catch((err: unknown) => {
                if (err !== ROLLBACK) throw err;
              });
          },
        };
      },
    },
    {
      name: "invoice_pdf_500_lines",
      description: `PDF of an issued invoice with ${lines} lines (one per entry, with notes): renderInvoicePdf, read included`,
      run: () => renderInvoicePdf(admin, pdfId),
      memory: true,
    },
  ];
}

/** The result size of the invoice scenarios: entries billed, or the PDF's bytes. */
export function invoiceSizeOf(result: unknown): number | undefined {
  const r = result as { entryCount?: number; pdf?: Buffer } | null;
  return r?.entryCount ?? r?.pdf?.length;
}
