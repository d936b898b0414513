// Edit one of your entries (admins: anyone's). A running entry keeps running; its start can move.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { userOrRedirect } from "@/lib/auth/session";
import { getEntry } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { pickerOptions } from "@/lib/services/pickers";
import { dateKey, formatTime } from "@/lib/time/tz";
import { EntryFields } from "../_components/entry-fields";
import { updateEntryAction } from "../actions";

export const metadata = { title: "Edit entry" };

export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await userOrRedirect();
  const { id } = await params;
  const entry = await getEntry(user, id).catch(() => null);
  if (!entry) notFound();
  const [tz, picks] = await Promise.all([timezoneOf(entry.userId), pickerOptions(user)]);
  // An archived project stays selectable for the entry that already uses it.
  const projects =
    !entry.projectId || picks.projects.some((p) => p.id === entry.projectId)
      ? picks.projects
      : [{ id: entry.projectId, label: `${entry.projectName} (archived)` }, ...picks.projects];
  return (
    <section className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-semibold">Edit entry</h1>
      <ActionForm action={updateEntryAction} submitLabel="Save entry">
        <EntryFields
          d={{
            id: entry.id,
            projectId: entry.projectId ?? undefined,
            taskId: entry.taskId,
            date: dateKey(entry.start, tz),
            startTime: formatTime(entry.start, tz),
            endTime: entry.end ? formatTime(entry.end, tz) : undefined,
            notes: entry.notes,
            tags: entry.tags.join(", "),
            billable: entry.billable ? "on" : "off",
          }}
          projects={projects}
          tasks={picks.tasks}
        />
      </ActionForm>
      <Link href="/entries" className="mt-4 inline-block text-blue-700 underline">
        Back to entries
      </Link>
    </section>
  );
}
