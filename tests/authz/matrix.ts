// The authorization matrix: for every exported server action and route handler, what each kind of
// caller gets. Data in every cell belongs to "alice"; the caller varies:
//   anon  = no session            own   = alice on her own data
//   other = bob on alice's data   admin = an administrator on alice's data
// Outcomes: "ok", or the ActionResult error code (actions) / HTTP status (routes).
// Clients, projects and tasks are the team's shared catalog (any member may create/edit/archive;
// deleting clients/projects is admin-only; deleting a task is for its creator or an admin).
// Time entries and the timer are private: someone else's entry looks exactly like a missing one.
// tests/authz-matrix.test.ts fails when an action or route exists in app/ but not here.
import type { ErrorCode } from "@/lib/errors";

export type Outcome = "ok" | ErrorCode;
export type Cell = "anon" | "own" | "other" | "admin";
export type ActionRow = [key: string, anon: Outcome, own: Outcome, other: Outcome, admin: Outcome];
export type RouteRow = [key: string, anon: number, own: number, other: number, admin: number];

const ADMIN_ONLY = ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "ok"] as const;
const MEMBER = ["UNAUTHENTICATED", "ok", "ok", "ok"] as const;
const PRIVATE = ["UNAUTHENTICATED", "ok", "NOT_FOUND", "ok"] as const;
const ADMIN_DELETE = ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "ok"] as const;
// Setup actions need no session, and refuse everyone once setup is complete.
const AFTER_SETUP = ["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"] as const;

//                                                   anon / own / other / admin
export const ACTIONS: ActionRow[] = [
  ["admin/telemetry#setTelemetryAction", ...ADMIN_ONLY],
  ["admin/telemetry#setProductAnalyticsAction", ...ADMIN_ONLY],
  ["admin/users#createUserAction", ...ADMIN_ONLY],
  ["admin/users#updateUserAction", ...ADMIN_ONLY],
  ["admin/users#changeRoleAction", ...ADMIN_ONLY],
  ["admin/users#setActiveAction", ...ADMIN_ONLY],
  ["admin/users#resetPasswordAction", ...ADMIN_ONLY],
  ["admin/settings#updateSettingsAction", ...ADMIN_ONLY],
  // No OIDC_ISSUER in the matrix run: the admin is told SSO is not configured (CONFLICT), members are refused.
  ["admin/settings#testSsoConnectionAction", "UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "CONFLICT"],
  // No SMTP_URL in the matrix run: the admin is told email is not set up (CONFLICT), members are refused.
  ["admin/email#sendTestEmailAction", "UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "CONFLICT"],
  ["clients#createClientAction", ...MEMBER],
  ["clients#updateClientAction", ...MEMBER],
  ["clients#archiveClientAction", ...MEMBER],
  ["clients#deleteClientAction", ...ADMIN_DELETE],
  ["projects#createProjectAction", ...MEMBER],
  ["projects#updateProjectAction", ...MEMBER],
  ["projects#archiveProjectAction", ...MEMBER],
  ["projects#deleteProjectAction", ...ADMIN_DELETE],
  ["tasks#createTaskAction", ...MEMBER],
  ["tasks#updateTaskAction", ...MEMBER],
  ["tasks#moveTaskAction", ...MEMBER],
  ["tasks#deleteTaskAction", "UNAUTHENTICATED", "ok", "FORBIDDEN", "ok"],
  // Profile actions only ever touch the caller's own account ("other" = bob changes bob, never alice).
  ["profile#updateProfileAction", ...MEMBER],
  ["profile#changePasswordAction", ...MEMBER],
  ["profile#setThemeAction", ...MEMBER],
  ["profile#signOutEverywhereAction", ...MEMBER],
  // Two-factor: starting enrolment is one's own; the fixture's users have no second factor, so
  // confirming (nothing started), new codes and turning off answer CONFLICT for everyone signed in
  // (the real flows: tests/two-factor.test.ts).
  ["profile/security#startTwoFactorAction", ...MEMBER],
  ["profile/security#confirmTwoFactorAction", "UNAUTHENTICATED", "CONFLICT", "CONFLICT", "CONFLICT"],
  ["profile/security#regenerateRecoveryCodesAction", "UNAUTHENTICATED", "CONFLICT", "CONFLICT", "CONFLICT"],
  ["profile/security#disableTwoFactorAction", "UNAUTHENTICATED", "CONFLICT", "CONFLICT", "CONFLICT"],
  // Webhook endpoints are private to their owner: bob and the admin see alice's as missing (admins
  // manage organization-wide endpoints, tested in tests/webhooks.test.ts). Create: one's own.
  ["profile/webhooks#createWebhookAction", ...MEMBER],
  ["profile/webhooks#updateWebhookAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["profile/webhooks#setWebhookEnabledAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["profile/webhooks#sendWebhookTestAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["profile/webhooks#deleteWebhookAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  // Saved report views are private to their owner; saving one is one's own.
  ["reports#saveReportViewAction", ...MEMBER],
  ["reports#renameReportViewAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["reports#deleteReportViewAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  // Ending a session names its id; the input's id is no one's session: NOT_FOUND for everyone
  // (the real ending, own and someone else's, is tested in tests/my-sessions.test.ts).
  ["profile/sessions#endSessionAction", "UNAUTHENTICATED", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
  ["profile/sessions#endOtherSessionsAction", ...MEMBER],
  ["entries#createEntryAction", ...MEMBER],
  ["entries#bulkEntryAction", ...MEMBER],
  ["entries#updateEntryAction", ...PRIVATE],
  ["entries#duplicateEntryAction", ...PRIVATE],
  ["entries#deleteEntryAction", ...PRIVATE],
  ["entries#addGridTimeAction", ...MEMBER],
  ["entries#saveEntryRowAction", ...PRIVATE],
  ["entries#bulkUpdateEntriesAction", ...PRIVATE],
  ["entries#bulkDeleteEntriesAction", ...PRIVATE],
  // Undo restores only what the caller deleted: alice's own delete; bob and the admin deleted nothing.
  ["entries#restoreEntriesAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["timer#startTimerAction", ...MEMBER],
  ["timer#switchTimerAction", ...MEMBER],
  // Stop/toggle/idle act on the caller's own timer only: bob's call never stops alice's timer.
  ["timer#stopTimerAction", ...MEMBER],
  // The timer is personal, also for admins: restart only from one of your own entries, and
  // toggle resumes the caller's last entry (bob and the admin have none: NOT_FOUND, alice untouched).
  ["timer#restartEntryAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["timer#toggleTimerAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["timer#resolveIdleAction", ...MEMBER],
  // Tokens: anyone signed in creates their own; revoking on the profile reaches only your own
  // tokens (bob and even the admin see alice's as missing there); admins revoke any on /admin/tokens.
  ["profile/tokens#createApiTokenAction", ...MEMBER],
  ["profile/tokens#revokeApiTokenAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  ["admin/tokens#revokeAnyApiTokenAction", ...ADMIN_ONLY],
  // The palette lists the team's shared catalog (no rates or budgets): every member alike.
  ["palette#loadPaletteAction", ...MEMBER],
  // Password reset needs no session. The matrix run has no SMTP_URL: everyone is told email is off.
  ["forgot-password#requestPasswordResetAction", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"],
  // A well-formed token that no link has: refused alike for everyone.
  ["reset-password#completePasswordResetAction", "VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION"],
  ["admin/users/[id]#createResetLinkAction", ...ADMIN_ONLY],
  ["admin/users/[id]#resetTwoFactorAction", ...ADMIN_ONLY],
  ["admin/security#updateTwoFactorPolicyAction", ...ADMIN_ONLY],
  ["admin/invitations#createInvitationAction", ...ADMIN_ONLY],
  // The fixture has no invitation: the admin is told it is gone.
  ["admin/invitations#revokeInvitationAction", "UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"],
  ["admin/invitations#setSignupDomainsAction", ...ADMIN_ONLY],
  // Invitation links need no session: a token no invitation has is refused alike for everyone.
  ["invite#acceptInvitationAction", "VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION"],
  // Self-registration is off in the fixture: closed for everyone.
  ["signup#requestSignupAction", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  ["signup#signUpAction", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
  // The timer bar edits and discards the caller's own running entry only. In the fixture no timer
  // runs, so editing is NOT_FOUND for everyone (tests/timer-bar.test.ts covers alice's own, and
  // that bob's edit or discard never reaches it); discarding nothing is a harmless ok.
  ["timer#updateRunningAction", "UNAUTHENTICATED", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
  ["timer#discardTimerAction", ...MEMBER],
  ["timer#timerOptionsAction", ...MEMBER],
  // A project from the picker is part of the shared catalog, like projects#createProjectAction.
  ["timer#createQuickProjectAction", ...MEMBER],
  // Tags: alice's own tag; bob does not see it (NOT_FOUND), an admin manages every tag.
  ["tags#renameTagAction", ...PRIVATE],
  ["tags#mergeTagsAction", ...PRIVATE],
  ["tags#deleteTagAction", ...PRIVATE],
  // Invoicing and rates are for administrators only (issue #16).
  // Expenses are private like entries: bob sees alice's as missing; admins see and change everyone's.
  ["expenses#createExpenseAction", ...MEMBER],
  ["expenses#updateExpenseAction", ...PRIVATE],
  ["expenses#deleteExpenseAction", ...PRIVATE],
  ["invoices#createInvoiceAction", ...ADMIN_ONLY],
  ["invoices#addDraftLineAction", ...ADMIN_ONLY],
  ["invoices#deleteInvoiceDraftAction", ...ADMIN_ONLY],
  ["invoices#issueInvoiceAction", ...ADMIN_ONLY],
  ["invoices#recordPaymentAction", ...ADMIN_ONLY],
  ["invoices#cancelInvoiceAction", ...ADMIN_ONLY],
  ["invoices#updateInvoiceSettingsAction", ...ADMIN_ONLY],
  ["invoices#createTaxRateAction", ...ADMIN_ONLY],
  ["invoices#archiveTaxRateAction", ...ADMIN_ONLY],
  ["invoices#updateClientBillingAction", ...ADMIN_ONLY],
  ["invoices#removeInvoiceLogoAction", ...ADMIN_ONLY],
  ["invoices#setExchangeRateAction", ...ADMIN_ONLY],
  ["rates#createRateAction", ...ADMIN_ONLY],
  ["rates#deleteRateAction", ...ADMIN_ONLY],
  // The calendar shows and changes only the caller's own entries, also for admins (a personal view).
  ["calendar#loadCalendarAction", ...MEMBER],
  ["calendar#createCalendarEntryAction", ...MEMBER],
  ["calendar#moveCalendarEntryAction", "UNAUTHENTICATED", "ok", "NOT_FOUND", "NOT_FOUND"],
  // The calendar feed URL is the caller's own: make, regenerate, revoke.
  ["profile/calendar#createCalendarFeedAction", ...MEMBER],
  ["profile/calendar#revokeCalendarFeedAction", ...MEMBER],
  ["setup#validateSetupStepAction", ...AFTER_SETUP],
  ["setup#completeSetupAction", ...AFTER_SETUP],
];

// Routes: "METHOD path". Public endpoints answer everyone alike, by design (docs/security.md).
export const ROUTES: RouteRow[] = [
  ["GET /api/admin/backup", 401, 403, 403, 200],
  // The CSV export is always scoped to the caller: bob asking for userId=alice gets only his rows.
  ["GET /reports/export", 401, 200, 200, 200],
  // The JSON entry API always writes for the caller (no user id field): 201 for every member.
  ["POST /api/v1/entries", 401, 201, 201, 201],
  // Editing is scoped to the caller's entries (admins: anyone's); bob sees alice's entry as missing.
  ["PATCH /api/v1/entries/[id]", 401, 200, 404, 200],
  // The timer API acts on the caller's own timer only: bob and the admin start/stop their own.
  ["GET /api/v1/timer", 401, 200, 200, 200],
  ["POST /api/v1/timer", 401, 201, 201, 201],
  ["DELETE /api/v1/timer", 401, 200, 200, 200],
  // Timer commands (palette, shortcuts, offline replay) act on the caller's own timer, like the above.
  ["POST /api/v1/timer/commands", 401, 200, 200, 200],
  // Week and summary: the caller's own data (summary: admins may see everyone, like the report page).
  ["GET /api/v1/week", 401, 200, 200, 200],
  ["GET /api/v1/reports/summary", 401, 200, 200, 200],
  ["GET /api/v1/users", 401, 403, 403, 200],
  // Listing entries is scoped to the caller (admins: everyone's); one entry is private like PATCH.
  ["GET /api/v1/entries", 401, 200, 200, 200],
  ["GET /api/v1/entries/[id]", 401, 200, 404, 200],
  ["DELETE /api/v1/entries/[id]", 401, 204, 404, 204],
  ["POST /api/v1/timer/switch", 401, 201, 201, 201],
  ["GET /api/v1/reports/detailed", 401, 200, 200, 200],
  // The shared catalog, as in the app: members read, create and edit; deleting clients, projects
  // and tags is for admins; a task is deleted by its creator (alice) or an admin.
  ["GET /api/v1/clients", 401, 200, 200, 200],
  ["POST /api/v1/clients", 401, 201, 201, 201],
  ["GET /api/v1/clients/[id]", 401, 200, 200, 200],
  ["PATCH /api/v1/clients/[id]", 401, 200, 200, 200],
  ["DELETE /api/v1/clients/[id]", 401, 403, 403, 204],
  ["GET /api/v1/projects", 401, 200, 200, 200],
  ["POST /api/v1/projects", 401, 201, 201, 201],
  ["GET /api/v1/projects/[id]", 401, 200, 200, 200],
  ["PATCH /api/v1/projects/[id]", 401, 200, 200, 200],
  ["DELETE /api/v1/projects/[id]", 401, 403, 403, 204],
  ["GET /api/v1/tasks", 401, 200, 200, 200],
  ["POST /api/v1/tasks", 401, 201, 201, 201],
  ["GET /api/v1/tasks/[id]", 401, 200, 200, 200],
  ["PATCH /api/v1/tasks/[id]", 401, 200, 200, 200],
  ["DELETE /api/v1/tasks/[id]", 401, 204, 403, 204],
  ["GET /api/v1/tags", 401, 200, 200, 200],
  ["POST /api/v1/tags", 401, 201, 201, 201],
  ["GET /api/v1/tags/[id]", 401, 200, 200, 200],
  ["PATCH /api/v1/tags/[id]", 401, 200, 200, 200],
  ["DELETE /api/v1/tags/[id]", 401, 403, 403, 204],
  // Expenses through the API: like time entries, one's own (administrators: everyone's).
  ["GET /api/v1/expenses", 401, 200, 200, 200],
  ["POST /api/v1/expenses", 401, 201, 201, 201],
  ["GET /api/v1/expenses/[id]", 401, 200, 404, 200],
  ["PATCH /api/v1/expenses/[id]", 401, 200, 404, 200],
  ["DELETE /api/v1/expenses/[id]", 401, 204, 404, 204],
  // Invoices through the API: administrators only, like the invoice pages.
  ["GET /api/v1/invoices", 401, 403, 403, 200],
  ["GET /api/v1/invoices/[id]", 401, 403, 403, 200],
  ["POST /api/v1/invoices/[id]/payments", 401, 403, 403, 201],
  // Live updates: a stream of the caller's own events only (tests/live-sync.test.ts).
  ["GET /api/live", 401, 200, 200, 200],
  // The OpenAPI document describes the API and holds no data: public, like the docs pages.
  ["GET /api/v1/openapi.json", 200, 200, 200, 200],
  // Invoicing: admins only; the PDF of an issued invoice and the CSV of the list.
  ["GET /invoices/export", 401, 403, 403, 200],
  ["GET /invoices/[id]/pdf", 401, 403, 403, 200],
  // No logo in the fixture: the admin gets 404; an upload without a file is sent back (303) to the
  // settings with "missing" (tests/invoice-logo.test.ts uploads real files).
  ["GET /invoices/settings/logo", 401, 403, 403, 404],
  ["POST /invoices/settings/logo", 401, 403, 403, 303],
  // The calendar feed needs no session: its secret token is the authorization. A token no feed has
  // is 404 alike for everyone (tests/calendar-feed.test.ts covers a real and a revoked token).
  ["GET /api/calendar/[token]", 404, 404, 404, 404],
  // Receipts: the fixture's expense has none, so its owner gets 404 too; bob's 404 is "not yours"
  // (the download itself, and bob refused, are in tests/expense-receipts.test.ts). An upload without
  // a file is sent back to the list (303) for anyone signed in, before any expense is looked up.
  ["GET /expenses/[id]/receipt", 401, 404, 404, 404],
  ["POST /expenses/[id]/receipt", 401, 303, 303, 303],
  ["GET /api/health", 200, 200, 200, 200],
  ["GET /api/ready", 200, 200, 200, 200],
  // Open unless METRICS_TOKEN is set; with a token, only the bearer (tested in metrics.test.ts).
  ["GET /metrics", 200, 200, 200, 200],
  ["GET /docs/[name]", 200, 200, 200, 200],
  // next-auth's own endpoints (CSRF token, sign-in callback, session): public by nature.
  ["GET /api/auth/[...nextauth]", 200, 200, 200, 200],
  // POST /api/auth/signout without the CSRF token is refused for everyone (302 to the confirm page).
  ["POST /api/auth/[...nextauth]", 302, 302, 302, 302],
];
