// For each matrix row: the arguments that exercise it on alice's data (a fresh set per cell).
import { createApiToken } from "@/lib/services/api-tokens";
import { createClient } from "@/lib/services/clients";
import { createManualEntry, deleteEntry } from "@/lib/services/entries";
import { createExpense } from "@/lib/services/expenses";
import { createProject } from "@/lib/services/projects";
import { createTask } from "@/lib/services/tasks";
import { createWebhookEndpoint } from "@/lib/services/webhooks";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { systemActor, type Actor } from "@/lib/services/actor";
import { issueInvoice } from "@/lib/services/invoice-lifecycle";
import { createTaxRate } from "@/lib/services/invoice-settings";
import { createInvoiceDraft } from "@/lib/services/invoices";
import { createRate } from "@/lib/services/rates";
import { saveReportView } from "@/lib/services/report-views";
import { updateOrgSettings } from "@/lib/services/settings";
import { ensureInstallation } from "@/lib/services/installation";

export type Fixture = Awaited<ReturnType<typeof seedFixture>>;

let n = 0;
let hash: string | undefined;
/** The organization-wide settings every cell starts from (an admin cell before it may have changed them). */
export async function resetOrgDefaults(): Promise<void> {
  // Members see and set money here, as before the setting existed (tests/money-visibility.test.ts
  // covers the default, money hidden from members).
  await updateOrgSettings(systemActor("test:seed"), { membersSeeMoney: true });
}

/** The first-run wizard done (so pages do not send everyone to /setup), then seedFixture. */
export async function seedInstalledFixture() {
  await ensureInstallation();
  await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
  return seedFixture();
}

export async function seedFixture() {
  const s = `${++n}x`;
  // Users straight into the table with one precomputed hash: scrypt per cell would take minutes.
  hash ??= await hashPassword("s3cret-password");
  const mk = async (name: string, role: "admin" | "user"): Promise<Actor> =>
    db().user.create({
      data: { username: `${name}${s}`, email: `${name}${s}@example.com`, passwordHash: hash!, role },
      select: { id: true, role: true },
    });
  const alice = await mk("alice", "user");
  const bob = await mk("bob", "user");
  const admin = await mk("admin", "admin");
  await resetOrgDefaults();
  const client = await createClient(alice, { name: `Acme${s}` });
  const project = await createProject(alice, { clientId: client.id, name: "Website", billable: true });
  const task = await createTask(alice, { projectId: project.id, name: "Design" });
  const base = { alice, bob, admin, client, project, task };
  const entry = await createManualEntry(alice, {
    projectId: project.id,
    date: "2026-01-05",
    duration: "1h",
    notes: `alice-secret-${s}`,
    tags: [`alice-tag-${s}`, `alice-other-${s}`],
  });
  const { endpoint: webhook } = await createWebhookEndpoint(alice, {
    url: "https://hooks.example.com/tt",
    events: ["entry.created"],
  });
  const reportView = await saveReportView(alice, { name: "Mine", preset: "this_month", group1: "project" });
  const tags = await db().tag.findMany({ where: { name: { in: [`alice-tag-${s}`, `alice-other-${s}`] } } });
  const ownTagId = tags.find((t) => t.name === `alice-tag-${s}`)!.id;
  const otherTagId = tags.find((t) => t.name === `alice-other-${s}`)!.id;
  const spareClient = await createClient(alice, { name: `Spare${s}` });
  const spareProject = await createProject(alice, { clientId: client.id, name: `Spare${s}` });
  const aliceToken = await createApiToken(alice, { name: "script", scopes: ["entries:read"], expiresIn: "30" });
  const tag = await db().tag.create({ data: { name: `tag${s}` }, select: { id: true } });
  // Invoicing: a draft and an issued invoice (manual lines: alice's entry stays unbilled), a rate, a tax rate.
  const sys = systemActor("test:authz");
  const manual = { clientId: client.id, includeTime: false, manualLines: [{ description: "Item", unitPrice: "10" }] };
  const draft = await createInvoiceDraft(sys, manual);
  const issued = await createInvoiceDraft(sys, manual);
  await issueInvoice(sys, { id: issued.id });
  const rate = await createRate(sys, { level: "organization", effectiveFrom: "2026-01-01", hourlyRate: "50" });
  const taxRate = await createTaxRate(sys, { name: `VAT${s}`, ratePercent: "19" });
  // Deleted by alice a moment ago: what her Undo puts back.
  const trashed = await createManualEntry(alice, { projectId: project.id, date: "2026-01-04", duration: "1h" });
  await deleteEntry(alice, { id: trashed.id });
  const expense = await createExpense(alice, { projectId: project.id, date: "2026-01-05", amount: "12.50" });
  return {
    ...base,
    s,
    entry,
    spareClient,
    spareProject,
    taskId: task.id,
    aliceTokenId: aliceToken.token.id,
    tagId: tag.id,
    deletedEntryId: trashed.id,
    webhook,
    reportView,
    ownTagId,
    otherTagId,
    draft,
    issued,
    rate,
    taxRate,
    expense,
  };
}

export function fd(o: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.append(k, v);
  return f;
}

const form = (o: Record<string, string>) => [null, fd(o)];

export const INPUTS: Record<string, (f: Fixture) => unknown[]> = {
  "admin/email#sendTestEmailAction": () => form({}),
  "admin/settings#testSsoConnectionAction": () => form({}),
  "admin/users/[id]#createResetLinkAction": (f) => form({ id: f.alice.id }),
  "admin/users/[id]#resetTwoFactorAction": (f) => form({ id: f.alice.id }),
  "admin/security#updateTwoFactorPolicyAction": () => form({ policy: "off", graceDays: "7" }),
  "forgot-password#requestPasswordResetAction": (f) => form({ email: `alice${f.s}@example.com` }),
  "reset-password#completePasswordResetAction": () =>
    form({ token: "A".repeat(43), newPassword: "another-s3cret", confirmPassword: "another-s3cret" }),
  "admin/invitations#createInvitationAction": (f) => form({ email: `dora${f.s}@example.com`, role: "user" }),
  "admin/invitations#revokeInvitationAction": () => form({ id: "00000000-0000-4000-8000-000000000000" }),
  "admin/invitations#setSignupDomainsAction": () => form({ signupDomains: "example.com" }),
  "invite#acceptInvitationAction": (f) =>
    form({
      token: "B".repeat(43),
      username: `dora${f.s}`,
      fullName: "Dora",
      newPassword: "another-s3cret",
      confirmPassword: "another-s3cret",
    }),
  "signup#requestSignupAction": (f) => form({ email: `eve${f.s}@example.com` }),
  "signup#signUpAction": (f) =>
    form({
      email: `eve${f.s}@example.com`,
      username: `eve${f.s}`,
      newPassword: "another-s3cret",
      confirmPassword: "another-s3cret",
    }),
  "admin/telemetry#setTelemetryAction": () => form({ enabled: "false" }),
  "admin/telemetry#setProductAnalyticsAction": () => form({ enabled: "false" }),
  "admin/users#createUserAction": (f) =>
    form({
      username: `carol${f.s}`,
      email: `carol${f.s}@example.com`,
      fullName: "Carol",
      password: "another-s3cret",
      role: "user",
    }),
  "admin/users#updateUserAction": (f) =>
    form({ id: f.alice.id, username: `alice${f.s}`, email: `renamed.${f.s}@example.org`, fullName: "Alice A." }),
  "admin/users#changeRoleAction": (f) => form({ id: f.alice.id, role: "admin" }),
  "admin/users#setActiveAction": (f) => form({ id: f.alice.id, active: "false" }),
  "admin/users#resetPasswordAction": (f) =>
    form({ id: f.alice.id, newPassword: "brand-new-s3cret", confirmPassword: "brand-new-s3cret" }),
  "admin/settings#updateSettingsAction": () =>
    form({
      name: "Org",
      timezone: "UTC",
      currency: "EUR",
      weekStart: "1",
      roundingMinutes: "0",
      roundingMode: "nearest",
      idleTimeoutMinutes: "0",
      csvDelimiter: ",",
    }),
  "clients#createClientAction": (f) => form({ name: `New${f.s}${Math.random()}` }),
  "clients#updateClientAction": (f) => form({ id: f.client.id, name: `Renamed${f.s}${Math.random()}` }),
  "clients#archiveClientAction": (f) => form({ id: f.spareClient.id, archived: "true" }),
  "clients#deleteClientAction": (f) => form({ id: f.spareClient.id }),
  "projects#createProjectAction": (f) => form({ clientId: f.client.id, name: `P${Math.random()}` }),
  "projects#updateProjectAction": (f) => form({ id: f.project.id, clientId: f.client.id, name: `R${Math.random()}` }),
  "projects#archiveProjectAction": (f) => form({ id: f.spareProject.id, archived: "true" }),
  "projects#deleteProjectAction": (f) => form({ id: f.spareProject.id }),
  "tasks#createTaskAction": (f) => form({ projectId: f.project.id, name: `T${Math.random()}` }),
  "tasks#updateTaskAction": (f) => form({ id: f.taskId, projectId: f.project.id, name: `T${Math.random()}` }),
  "tasks#moveTaskAction": (f) => [{ id: f.taskId, status: "done" }],
  "tasks#deleteTaskAction": (f) => form({ id: f.taskId }),
  "profile#updateProfileAction": (f) =>
    form({
      fullName: "Someone",
      email: `me${f.s}${Math.random()}@example.com`,
      timezone: "UTC",
      theme: "dark",
      id: f.alice.id,
    }),
  "profile#changePasswordAction": (f) =>
    form({
      currentPassword: "s3cret-password",
      newPassword: "changed-s3cret",
      confirmPassword: "changed-s3cret",
      id: f.alice.id,
    }),
  "profile#setThemeAction": () => [{ theme: "dark" }],
  "profile#signOutEverywhereAction": () => [],
  "profile/security#startTwoFactorAction": () => [{}],
  "profile/security#confirmTwoFactorAction": () => form({ code: "123456" }),
  "profile/security#regenerateRecoveryCodesAction": () => form({ password: "s3cret-password" }),
  "profile/security#disableTwoFactorAction": () => form({ password: "s3cret-password", code: "123456" }),
  "profile/webhooks#createWebhookAction": () => {
    const f = new FormData();
    f.append("url", "https://hooks.example.com/new");
    f.append("events", "entry.created");
    f.append("events", "timer.stopped");
    return [null, f];
  },
  "profile/webhooks#updateWebhookAction": (f) => {
    const d = new FormData();
    d.append("id", f.webhook.id);
    d.append("url", "https://hooks.example.com/changed");
    d.append("description", "Renamed");
    d.append("events", "entry.deleted");
    return [null, d];
  },
  "profile/webhooks#setWebhookEnabledAction": (f) => form({ id: f.webhook.id, enabled: "false" }),
  "profile/webhooks#sendWebhookTestAction": (f) => form({ id: f.webhook.id }),
  "profile/webhooks#deleteWebhookAction": (f) => form({ id: f.webhook.id }),
  // Saved report views are private to their owner, admins included ("other"/"admin" on alice's view).
  "reports#saveReportViewAction": (f) => [{ name: `View ${f.s}`, preset: "last_week", group1: "day" }],
  "reports#renameReportViewAction": (f) => [{ id: f.reportView.id, name: `Renamed ${f.s}` }],
  "reports#deleteReportViewAction": (f) => [{ id: f.reportView.id }],
  "profile/sessions#endSessionAction": () => form({ id: "00000000-0000-4000-8000-000000000001" }),
  "profile/sessions#endOtherSessionsAction": () => form({}),
  "entries#createEntryAction": (f) => form({ projectId: f.project.id, date: "2026-01-06", duration: "30m" }),
  "entries#bulkEntryAction": (f) =>
    form({ projectId: f.project.id, from: "2026-01-05", to: "2026-01-07", duration: "1h" }),
  "entries#updateEntryAction": (f) =>
    form({ id: f.entry.id, projectId: f.project.id, date: "2026-01-05", duration: "2h", notes: "changed" }),
  "entries#duplicateEntryAction": (f) => form({ id: f.entry.id }),
  "entries#deleteEntryAction": (f) => form({ id: f.entry.id }),
  "entries#addGridTimeAction": (f) => [{ projectId: f.project.id, taskId: null, date: "2026-01-08", duration: "1h" }],
  "entries#saveEntryRowAction": (f) => [
    { id: f.entry.id, projectId: f.project.id, date: "2026-01-05", startTime: "22:00", endTime: "01:00", notes: "row" },
  ],
  "entries#bulkUpdateEntriesAction": (f) => [{ ids: [f.entry.id], billable: "off", tags: ["bulk"] }],
  "entries#bulkDeleteEntriesAction": (f) => [{ ids: [f.entry.id] }],
  "entries#restoreEntriesAction": (f) => [{ ids: [f.deletedEntryId] }],
  "tags#renameTagAction": (f) => form({ id: f.ownTagId, name: `renamed-${f.s}-${Math.random()}` }),
  "tags#mergeTagsAction": (f) => form({ id: f.ownTagId, intoId: f.otherTagId }),
  "tags#deleteTagAction": (f) => form({ id: f.ownTagId }),
  "timer#startTimerAction": (f) => form({ projectId: f.project.id }),
  "timer#switchTimerAction": (f) => form({ projectId: f.project.id }),
  "timer#stopTimerAction": () => [],
  "palette#loadPaletteAction": () => [],
  "timer#restartEntryAction": (f) => form({ id: f.entry.id }),
  "timer#toggleTimerAction": () => [],
  "timer#resolveIdleAction": () => [{ action: "keep", lastActivityAt: new Date().toISOString() }],
  "profile/tokens#createApiTokenAction": () => form({ name: "ci", scopes: "entries:read", expiresIn: "30" }),
  "profile/tokens#revokeApiTokenAction": (f) => form({ id: f.aliceTokenId }),
  "admin/tokens#revokeAnyApiTokenAction": (f) => form({ id: f.aliceTokenId }),
  "timer#updateRunningAction": (f) => [{ notes: "changed", projectId: f.project.id }],
  "timer#discardTimerAction": () => [{}],
  "timer#timerOptionsAction": () => [{}],
  "timer#createQuickProjectAction": (f) => [{ name: `Quick ${f.s}`, clientId: f.client.id }],
  "expenses#createExpenseAction": (f) =>
    form({ projectId: f.project.id, date: "2026-01-06", amount: "8.20", category: "Travel", billable: "on" }),
  "expenses#updateExpenseAction": (f) =>
    form({ id: f.expense.id, projectId: f.project.id, date: "2026-01-06", amount: "9", description: "Taxi" }),
  "expenses#deleteExpenseAction": (f) => form({ id: f.expense.id }),
  "invoices#createInvoiceAction": (f) => form({ clientId: f.client.id, from: "2026-01-01", to: "2026-01-31" }),
  "invoices#addDraftLineAction": (f) => form({ invoiceId: f.draft.id, description: "Extra", unitPrice: "5" }),
  "invoices#deleteInvoiceDraftAction": (f) => form({ id: f.draft.id }),
  "invoices#issueInvoiceAction": (f) => form({ id: f.draft.id }),
  "invoices#recordPaymentAction": (f) => form({ invoiceId: f.issued.id, date: "2026-02-01", amount: "5" }),
  "invoices#cancelInvoiceAction": (f) => form({ id: f.issued.id }),
  "invoices#updateInvoiceSettingsAction": () => form({ legalName: "Org Ltd", dueDays: "30" }),
  "invoices#createTaxRateAction": (f) => form({ name: `Reduced${f.s}${Math.random()}`, ratePercent: "7" }),
  "invoices#archiveTaxRateAction": (f) => form({ id: f.taxRate.id, archived: "true" }),
  "invoices#updateClientBillingAction": (f) => form({ id: f.client.id, currency: "USD", taxId: "US123" }),
  "invoices#removeInvoiceLogoAction": () => form({}),
  // An empty rate clears it: allowed on any draft, whatever its currency.
  "invoices#setExchangeRateAction": (f) => form({ id: f.draft.id, exchangeRate: "" }),
  "rates#createRateAction": (f) =>
    form({ level: "project", projectId: f.project.id, effectiveFrom: "2026-01-01", hourlyRate: "80" }),
  "rates#deleteRateAction": (f) => form({ id: f.rate.id }),
  "calendar#loadCalendarAction": () => [{ start: "2026-01-05T00:00:00Z", end: "2026-01-12T00:00:00Z" }],
  "calendar#createCalendarEntryAction": (f) => [
    { start: "2026-01-07T10:00:00Z", end: "2026-01-07T11:00:00Z", notes: "drawn", projectId: f.project.id },
  ],
  "calendar#moveCalendarEntryAction": (f) => [
    { id: f.entry.id, start: "2026-01-05T13:00:00Z", end: "2026-01-05T14:30:00Z" },
  ],
  "profile/calendar#createCalendarFeedAction": () => [{}],
  "profile/calendar#revokeCalendarFeedAction": () => [{}],
  "setup#validateSetupStepAction": () => form({ step: "organization", name: "Org" }),
  "setup#completeSetupAction": () =>
    form({ name: "Org", username: "root", email: "root@example.com", password: "root-s3cret-pass" }),
};

/**
 * What a crafted client can send instead of a form (the RSC action protocol decodes strings,
 * numbers, null, arrays, plain objects, Maps, Dates…). Built from the real form's fields, so an
 * action that would accept "anything with .get()" or "any object with the right keys" is caught.
 */
export function notForms(form: FormData): unknown[] {
  const pairs = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  return [
    null,
    undefined,
    "",
    new URLSearchParams(pairs).toString(),
    42,
    true,
    [],
    pairs,
    {},
    Object.fromEntries(pairs),
    new Map(pairs),
    new URLSearchParams(pairs),
    new Date(),
  ];
}

/** Every /api/v1 route with a valid request on alice's data: the fuzz replaces each body field and
 * each query parameter by bad values, and sends broken JSON bodies. */
export interface ApiCase {
  route: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (f: Fixture) => string;
  body?: (f: Fixture) => Record<string, unknown>;
  query?: Record<string, string>;
}
export const API_INPUTS: ApiCase[] = [
  { route: "timer", method: "GET", path: () => "/api/v1/timer" },
  {
    route: "timer",
    method: "POST",
    path: () => "/api/v1/timer",
    body: (f) => ({ projectId: f.project.id, taskId: f.taskId, notes: "n", tags: ["a"], billable: true }),
  },
  { route: "timer", method: "DELETE", path: () => "/api/v1/timer" },
  {
    route: "timer/commands",
    method: "POST",
    path: () => "/api/v1/timer/commands",
    body: (f) => ({ id: crypto.randomUUID(), kind: "start", projectId: f.project.id, notes: "n", tags: ["a"] }),
  },
  {
    route: "entries",
    method: "POST",
    path: () => "/api/v1/entries",
    body: (f) => ({
      projectId: f.project.id,
      taskId: f.taskId,
      date: "2026-01-06",
      startTime: "09:00",
      endTime: "10:00",
      duration: "1h",
      notes: "n",
      tags: ["a"],
      billable: false,
    }),
  },
  {
    route: "entries/[id]",
    method: "PATCH",
    path: (f) => `/api/v1/entries/${f.entry.id}`,
    body: (f) => ({ projectId: f.project.id, date: "2026-01-05", startTime: "08:00", duration: "2h", notes: "n" }),
  },
  { route: "week", method: "GET", path: () => "/api/v1/week", query: { date: "2026-01-07" } },
  {
    route: "timer/switch",
    method: "POST",
    path: () => "/api/v1/timer/switch",
    body: (f) => ({ projectId: f.project.id, taskId: f.taskId, notes: "n", tags: ["a"], billable: true }),
  },
  {
    route: "entries",
    method: "GET",
    path: () => "/api/v1/entries",
    query: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", billable: "true", limit: "10", ids: "" },
  },
  {
    route: "clients",
    method: "POST",
    path: () => "/api/v1/clients",
    body: (f) => ({ name: `Fuzz${f.s}`, email: "a@example.com", defaultHourlyRate: "85.50", address: "x" }),
  },
  {
    route: "projects",
    method: "POST",
    path: () => "/api/v1/projects",
    body: (f) => ({ clientId: f.client.id, name: `Fuzz${f.s}`, hourlyRate: "90", estimatedHours: 2, color: "#123456" }),
  },
  {
    route: "tasks",
    method: "POST",
    path: () => "/api/v1/tasks",
    body: (f) => ({
      projectId: f.project.id,
      name: "Fuzz",
      status: "todo",
      dueDate: "2026-02-01",
      assigneeId: f.alice.id,
    }),
  },
  { route: "tags", method: "POST", path: () => "/api/v1/tags", body: (f) => ({ name: `fuzz${f.s}` }) },
  {
    route: "invoices",
    method: "GET",
    path: () => "/api/v1/invoices",
    query: { status: "issued", client_ids: "", from: "2026-01-01", to: "2026-12-31", limit: "10" },
  },
  {
    route: "invoices/[id]/payments",
    method: "POST",
    path: (f) => `/api/v1/invoices/${f.issued.id}/payments`,
    body: () => ({ date: "2026-02-03", amount: "0.01", method: "card" }),
  },
  {
    route: "reports/summary",
    method: "GET",
    path: () => "/api/v1/reports/summary",
    query: {
      from: "2026-01-01",
      to: "2026-01-31",
      group1: "project",
      group2: "day",
      clientId: "",
      projectId: "",
      taskId: "",
      userId: "",
      tag: "",
      billable: "yes",
    },
  },
];

/** The pages that read their query string, with the parameters each one knows. */
export const PAGE_QUERY_KEYS: Record<string, string[]> = {
  entries: ["week", "from", "to", "cursor", "clientId", "projectId", "taskId", "userId", "tag", "billable", "saved"],
  reports: ["type", "from", "to", "group1", "group2", "cursor", "clientId", "projectId", "userId", "tag", "billable"],
  tasks: ["view", "filter", "projectId"],
};
