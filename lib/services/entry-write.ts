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
 * it (one query at most, shared by the webhook payload and the caller). `subscribed: false`: the
 * caller already knows that no webhook endpoint wants the event (entryClock), so none is queued. */
async function insertAndRead(tx: Tx, data: NewEntry, tags: string[], subscribed = true) {
  const row = await tx.timeEntry.create({ data, select: { id: true } });
  // A new entry has no tags to clear: only set them when there are some.
  if (tags.length) await setEntryTags(row.id, tags, tx, data.userId);
  let read: Promise<EntryDto> | undefined;
  const entry = () =>
    (read ??= tx.timeEntry
      .findUniqueOrThrow({ where: { id: row.id }, select: entrySelect })
      .then((r) => toEntryDto(r)));
  const type = data.source === "timer" ? "timer.started" : "entry.created";
  if (subscribed)
    await enqueueWebhookEvent(tx, type, { userId: data.userId }, async () => entryWebhookData(await entry()));
  return { id: row.id, entry };
}

/** Inserts one entry with its tags inside `tx`; its id. `subscribed`: as for insertAndRead. */
export async function insertEntryRow(tx: Tx, data: NewEntry, tags: string[], subscribed = true): Promise<string> {
  return (await insertAndRead(tx, data, tags, subscribed)).id;
}

/**
 * An entry without tags that no webhook endpoint wants (the caller read that with entryClock): the
 * insert is the whole write, one statement in its own implicit transaction, instead of BEGIN, the
 * insert, the endpoints read and COMMIT, four round trips.
 */
export async function insertLoneEntryRow(client: Tx, data: NewEntry): Promise<string> {
  return (await insertAndRead(client, data, [], false)).id;
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
