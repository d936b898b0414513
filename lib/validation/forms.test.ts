// Consistent forms (issue 15 item 10): one duration reading for entries and estimates, messages that
// say what is wrong or missing, one set of status labels, singular counts, local-day download names.
import { countLabel, downloadName, formatStamp, NO_VALUE } from "@/lib/format";
import { ZDuration, ZHoursAsMinutes } from "./common";
import { ZManualEntry } from "./entries";
import { ZProject } from "./projects";
import messages from "@/messages/en.json";
import { TASK_PRIORITIES, TASK_STATUSES, ZTask } from "./tasks";

const firstMessage = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.success ? null : r.error!.issues[0].message;

describe("estimates read durations like entries", () => {
  it.each([
    ["3h", 180],
    ["1h 30m", 90],
    ["1:30", 90],
    ["90m", 90],
    ["1.5", 90],
    ["12", 720],
    ["0", 0],
  ])("%s → %i minutes", (input, minutes) => expect(ZHoursAsMinutes.parse(input)).toBe(minutes));

  it("empty is no estimate", () => expect(ZHoursAsMinutes.parse("")).toBeNull());

  it("a negative estimate says it must be zero or more, not the example format", () => {
    expect(firstMessage(ZHoursAsMinutes.safeParse("-2h"))).toBe("Must be zero or more.");
  });

  it("an unreadable estimate shows the accepted forms", () => {
    expect(firstMessage(ZHoursAsMinutes.safeParse("soon"))).toMatch(/such as 3h, 1h 30m, 1:30/);
  });

  it("a task form takes '3h' as its estimate", () => {
    const t = ZTask.parse({ projectId: "0b4c4a6e-2f1c-4e0a-9d55-8f0c2b9b6a11", name: "Spec", estimatedMinutes: "3h" });
    expect(t.estimatedMinutes).toBe(180);
  });
});

describe("durations say what is wrong", () => {
  it.each(["0", "0:00", "0m", "-1h"])("%p: must be more than 0", (input) =>
    expect(firstMessage(ZDuration.safeParse(input))).toBe("Must be more than 0."),
  );
  it("an unreadable one still shows the example format", () =>
    expect(firstMessage(ZDuration.safeParse("lots"))).toMatch(/such as 1h 30m/));
});

describe("a missing choice names what is missing", () => {
  it("task without a project", () => {
    const r = ZTask.safeParse({ projectId: "", name: "Spec" });
    expect(firstMessage(r)).toBe("Choose a project.");
  });
  it("project without a client", () => {
    const r = ZProject.safeParse({ clientId: "", name: "Site" });
    expect(firstMessage(r)).toBe("Choose a client.");
  });
  it("entry with a task id that is not one of the list's", () => {
    const r = ZManualEntry.safeParse({ taskId: "x", date: "2026-12-07", duration: "1h" });
    expect(firstMessage(r)).toBe("Choose a task.");
  });
  it("no message anywhere is the vague 'Choose a valid item.'", () => {
    const r = ZTask.safeParse({ projectId: "nope", name: "x", assigneeId: "nope" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(["Choose a project.", "Choose a person."]);
  });
});

describe("status labels", () => {
  it("one label per status and priority in the catalog, shared by list, form and board", () => {
    expect(Object.keys(messages.TaskStatus).sort()).toEqual([...TASK_STATUSES].sort());
    expect(Object.keys(messages.TaskPriority).sort()).toEqual([...TASK_PRIORITIES].sort());
    expect(messages.TaskStatus.in_progress).toBe("In progress");
    expect(messages.TaskStatus.todo).toBe("To do");
  });
});

describe("counts and download names", () => {
  it("1 minute is singular", () => {
    expect(countLabel(1, "minute")).toBe("1 minute");
    expect(countLabel(5, "minute")).toBe("5 minutes");
  });

  it("a file name uses the viewer's day, not UTC's", () => {
    const lateUtc = new Date("2026-12-07T23:30:00Z"); // 00:30 on the 8th in Berlin, 18:30 on the 7th in New York
    expect(downloadName("timetracker-entries", "csv", lateUtc, "Europe/Berlin")).toBe(
      "timetracker-entries-2026-12-08.csv",
    );
    expect(downloadName("timetracker-entries", "csv", lateUtc, "America/New_York")).toBe(
      "timetracker-entries-2026-12-07.csv",
    );
    expect(downloadName("timetracker-backup", "jsonl.gz", lateUtc, "Europe/Berlin", true)).toBe(
      "timetracker-backup-2026-12-08-00-30-00.jsonl.gz",
    );
  });
});

describe("admin timestamps", () => {
  it("show the viewer's clock, not UTC", () => {
    const d = new Date("2026-12-07T23:30:00Z");
    expect(formatStamp(d, "Europe/Berlin")).toBe("2026-12-08 00:30");
    expect(formatStamp(d, "America/New_York")).toBe("2026-12-07 18:30");
    expect(formatStamp(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe("2026-07-01 14:00");
  });
  it("an unreadable date renders as no value, never throws", () => {
    expect(formatStamp(new Date(Number.NaN), "Europe/Berlin")).toBe(NO_VALUE);
    expect(formatStamp(null, "Europe/Berlin")).toBe(NO_VALUE);
  });
});
