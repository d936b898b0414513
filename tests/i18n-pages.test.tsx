// The pages moved to next-intl render their English from the catalog, unchanged: each is rendered
// for real (React's server renderer over the page component, real PGlite) and shows the words
// people and the e2e selectors know. A missing key or a broken ICU message fails the render.
import { setupTestDb } from "./helpers/db";
import { renderPage, type PageComponent as Page } from "./helpers/render-page";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import ProjectsPage from "@/app/(app)/projects/page";
import ProjectPage from "@/app/(app)/projects/[id]/page";
import ClientsPage from "@/app/(app)/clients/page";
import ClientPage from "@/app/(app)/clients/[id]/page";
import TasksPage from "@/app/(app)/tasks/page";
import TaskPage from "@/app/(app)/tasks/[id]/page";
import TagsPage from "@/app/(app)/tags/page";
import ReportsPage from "@/app/(app)/reports/page";
import RatesPage from "@/app/(app)/rates/page";
import TimerPage from "@/app/(app)/timer/page";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
let f: Fixture;
beforeAll(async () => {
  f = await seedInstalledFixture();
});

const withId = (page: (p: { params: Promise<{ id: string }> }) => Promise<unknown>, id: string) =>
  (() => page({ params: Promise.resolve({ id }) })) as unknown as Page;
/** The page's text without tags, so a phrase split by markup still matches. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("converted pages keep their English", () => {
  it("projects: list, form and one project", async () => {
    await actAs(f.admin.id);
    const list = text(await renderPage(ProjectsPage as Page, {}));
    for (const s of ["Projects", "New project", "Project name", "Billable by default", "Add project", "Colour"]) {
      expect(list).toContain(s);
    }
    expect(list).toContain("1:00 h");
    const one = text(await renderPage(withId(ProjectPage, f.project.id), {}));
    for (const s of [
      "Total hours",
      "Billable hours",
      "Recent entries",
      "Design — To do",
      "Manage tasks",
      "Save project",
    ]) {
      expect(one).toContain(s);
    }
    expect(one).toContain("Delete"); // the admin's delete button
  });

  it("clients: the table and one client", async () => {
    await actAs(f.admin.id);
    const list = await renderPage(ClientsPage as Page, {});
    for (const s of ["Clients", "New client", "Contact person", "Default hourly rate", "Add client", "Archive"]) {
      expect(text(list)).toContain(s);
    }
    expect(list).toMatch(/<th[^>]*>Projects<\/th>/);
    const one = text(await renderPage(withId(ClientPage, f.client.id), {}));
    for (const s of ["Save client", "Projects", "Website"]) expect(one).toContain(s);
  });

  it("tasks: list, board and the edit page", async () => {
    await actAs(f.alice.id);
    const list = text(await renderPage(TasksPage as Page, { view: "list" }));
    for (const s of ["Tasks", "My tasks", "Overdue", "Board", "To do", "medium", "New task", "Choose a project"]) {
      expect(list).toContain(s);
    }
    const board = text(await renderPage(TasksPage as Page, { view: "board" }));
    for (const s of ["To do (1)", "In progress (0)", "Cancelled (0)", "Move to"]) expect(board).toContain(s);
    const overdue = text(await renderPage(TasksPage as Page, { filter: "overdue" }));
    expect(overdue).toContain("Nothing overdue");
    const edit = text(await renderPage(withId(TaskPage, f.task.id), {}));
    for (const s of ["Edit task", "Save task", "Back to tasks", "Such as 3h, 1h 30m or 1:30."]) {
      expect(edit).toContain(s);
    }
  });

  it("tags: counts with the right plural", async () => {
    await actAs(f.alice.id);
    const html = await renderPage(TagsPage as Page, {});
    const page = text(html);
    expect(page).toContain("The tags you created or used on your entries");
    expect(html).toContain(">1 entry<");
    expect(page).not.toContain("1 entries");
    expect(page).toMatch(/Rename, merge or delete #alice-tag-/);
  });

  it("reports: summary, detailed, presets and a refused query field", async () => {
    await actAs(f.alice.id);
    const range = { from: "2026-01-01", to: "2026-01-31" };
    const summary = await renderPage(ReportsPage as Page, { ...range, group1: "project", group2: "task" });
    for (const s of ["Reports", "Summary", "Detailed", "Export CSV", "This quarter", "Custom range", "Then by"]) {
      expect(text(summary)).toContain(s);
    }
    expect(summary).toMatch(/<th[^>]*>project<\/th>/);
    expect(summary).toMatch(/<option value="client">client<\/option>/);
    expect(text(summary)).toMatch(/Total\s*1:00/);
    const detailed = text(await renderPage(ReportsPage as Page, { ...range, type: "detailed" }));
    expect(detailed).toContain("Website");
    const empty = text(await renderPage(ReportsPage as Page, { from: "2020-01-01", to: "2020-01-02" }));
    expect(empty).toContain("No time in this range");
    const refused = text(await renderPage(ReportsPage as Page, { from: "garbage" }));
    expect(refused).toMatch(/From: .+ The default is shown instead\./);
  });

  it("rates: the admin's page, its levels and form", async () => {
    await actAs(f.admin.id);
    const page = text(await renderPage(RatesPage as unknown as Page, {}));
    for (const s of ["Rates", "Organization default", "Project member", "Per project", "Effective from", "Add rate"]) {
      expect(page).toContain(s);
    }
    expect(page).toContain("a project's or client's own form");
  });

  it("timer: nothing running, the start form", async () => {
    await actAs(f.bob.id);
    const page = text(await renderPage(TimerPage as Page, {}));
    for (const s of ["No timer running", "What are you working on?", "Separate tags with commas.", "Start timer"]) {
      expect(page).toContain(s);
    }
    for (const s of ["Project default", "Not billable", "Recent entries", "Nothing tracked yet."]) {
      expect(page).toContain(s);
    }
  });
});
