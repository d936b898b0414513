// The one way a time entry is inserted (manual, bulk, duplicate, timer): the row, its tags, and the
// entry as the services return it; and what every created entry records: the operational counter
// (always, whatever analytics consent says) and the product event.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { EntrySource } from "@/lib/db/generated/enums";
import { incrementTimeEntriesCreated } from "@/lib/observability/metrics";
import { track } from "@/lib/observability/track";
import type { Actor } from "./actor";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { setEntryTags } from "./tags";
import { enqueueWebhookEvent, entryWebhookData } from "./webhook-outbox";

type Tx = Prisma.TransactionClient;

type NewEntry = Prisma.TimeEntryUncheckedCreateInput & { source: EntrySource };

/** Inserts one entry with its tags inside `tx`; its id, and a reader of the entry as services return
 * it (one query at most, shared by the webhook payload and the caller). */
async function insertAndRead(tx: Tx, data: NewEntry, tags: string[]) {
  const row = await tx.timeEntry.create({ data, select: { id: true } });
  // A new entry has no tags to clear: only set them when there are some.
  if (tags.length) await setEntryTags(row.id, tags, tx, data.userId);
  let read: Promise<EntryDto> | undefined;
  const entry = () =>
    (read ??= tx.timeEntry
      .findUniqueOrThrow({ where: { id: row.id }, select: entrySelect })
      .then((r) => toEntryDto(r)));
  const type = data.source === "timer" ? "timer.started" : "entry.created";
  await enqueueWebhookEvent(tx, type, { userId: data.userId }, async () => entryWebhookData(await entry()));
  return { id: row.id, entry };
}

/** Inserts one entry with its tags inside `tx`; its id. */
export async function insertEntryRow(tx: Tx, data: NewEntry, tags: string[]): Promise<string> {
  return (await insertAndRead(tx, data, tags)).id;
}

/** The same, read back as the services return it. */
export async function insertEntry(tx: Tx, data: NewEntry, tags: string[]): Promise<EntryDto> {
  return (await insertAndRead(tx, data, tags)).entry();
}

/** After the transaction that created `count` entries has committed. */
export function recordEntriesCreated(
  actor: Actor,
  e: { id: string | null; projectId: string | null; source: EntrySource; billable: boolean },
  count = 1,
): void {
  incrementTimeEntriesCreated(e.source, count);
  track(
    "entry.created",
    { time_entry_id: e.id, project_id: e.projectId, source: e.source, billable: e.billable, num_entries: count },
    { userId: actor.id },
  );
}

/** An entry without a project is billable unless the user says otherwise: the project chosen
 * later decides the rate, and hours are not silently dropped from billable totals meanwhile. */
export const NO_PROJECT_BILLABLE = true;
