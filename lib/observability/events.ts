// The event catalog: every analytics event TimeTracker emits, its allowed properties and what it
// means. Properties are ids, enums, booleans and counts only — never names, notes or emails.
// docs/events.md is generated from this file (npm run docs:events).
import { z } from "zod";
import { IDLE_ACTIONS, ZEntrySource } from "@/lib/validation/entries";
import { EXPENSE_EVENTS } from "./events-expenses";
import { INVOICING_EVENTS } from "./events-invoicing";
import { ZTaskPriority, ZTaskStatus } from "@/lib/validation/tasks";
import { DATE_PRESETS } from "@/lib/time/presets";
// Statuses, priorities and entry sources are the database's enums, through the validation schemas.

const id = z.uuid();
const count = z.number().int().min(0);
const seconds = z.number().int().min(0);

interface EventDef<S extends z.ZodObject> {
  description: string;
  props: S;
  /** Log and count only; never sent to PostHog (e.g. failed logins). */
  localOnly?: boolean;
}

const def = <S extends z.ZodObject>(d: EventDef<S>) => d;

export const EVENTS = {
  "auth.login": def({ description: "A user signed in.", props: z.object({ method: z.enum(["password"]) }) }),
  "auth.sso_login": def({
    description:
      "A user signed in through single sign-on (OpenID Connect): how the account was found (linked issuer + sub, matched by verified email, or created just in time) and the role it has now.",
    props: z.object({ how: z.enum(["linked", "matched_email", "created"]), role: z.enum(["admin", "user"]) }),
  }),
  "auth.logout": def({ description: "A user signed out.", props: z.object({}) }),
  "auth.login_failed": def({
    description: "A sign-in was refused. Logged and counted locally; never sent to PostHog.",
    props: z.object({ reason: z.enum(["invalid", "inactive", "rate_limited", "sso_refused"]) }),
    localOnly: true,
  }),
  "auth.password_reset_requested": def({
    description:
      "Someone asked for a password reset link: sent (an active account has the address), no_account, or rate_limited.",
    props: z.object({ outcome: z.enum(["sent", "no_account", "rate_limited"]) }),
  }),
  "auth.password_reset_completed": def({
    description: "A reset link was used: ok (password set, every session ended), invalid_link or rate_limited.",
    props: z.object({ outcome: z.enum(["ok", "invalid_link", "rate_limited"]) }),
  }),
  "auth.invitation_accepted": def({
    description: "Someone used an admin's invitation and created their account.",
    props: z.object({ role: z.enum(["admin", "user"]) }),
  }),
  "auth.signed_up": def({
    description: "Someone created their own account (self-registration).",
    props: z.object({ role: z.enum(["admin", "user"]) }),
  }),
  "auth.session_revoked": def({
    description: "A user ended one of their sessions, or all the others, from the sessions page.",
    props: z.object({ scope: z.enum(["one", "others"]) }),
  }),
  "auth.2fa_enabled": def({
    description: "A user confirmed a TOTP authenticator: two-factor sign-in is on for their account.",
    props: z.object({}),
  }),
  "auth.2fa_disabled": def({
    description: "Two-factor sign-in was turned off for an account: by its user (self) or reset by an admin.",
    props: z.object({ by: z.enum(["self", "admin", "cli"]) }),
  }),
  "auth.2fa_failed": def({
    description:
      "A second-factor code was refused (sign-in, disabling, confirming): wrong, reused, expired sign-in step or rate_limited. Logged and counted locally; never sent to PostHog.",
    props: z.object({
      step: z.enum(["sign_in", "confirm", "disable"]),
      reason: z.enum(["invalid", "reused", "expired", "rate_limited"]),
    }),
    localOnly: true,
  }),
  "auth.recovery_code_used": def({
    description: "A recovery code was used (and consumed) instead of the authenticator; how many remain.",
    props: z.object({ remaining: count }),
  }),
  "auth.recovery_codes_regenerated": def({
    description: "A user replaced their recovery codes with ten new ones.",
    props: z.object({}),
  }),
  "admin.two_factor_policy_updated": def({
    description: "An admin changed who must use two-factor sign-in, and the grace period.",
    props: z.object({ policy: z.enum(["off", "admins", "everyone"]), grace_days: count }),
  }),
  "timer.started": def({
    description: "A timer was started (also by resume or switch).",
    props: z.object({
      time_entry_id: id,
      /** Null: started without a project. */
      project_id: id.nullable(),
      task_id: id.nullable(),
      has_description: z.boolean(),
      billable: z.boolean(),
    }),
  }),
  "timer.stopped": def({
    description: "A running timer was stopped.",
    props: z.object({
      time_entry_id: id,
      project_id: id.nullable(),
      task_id: id.nullable(),
      duration_seconds: seconds,
    }),
  }),
  "timer.discarded": def({
    description: "A running timer was discarded (its entry deleted) after the user confirmed.",
    props: z.object({ time_entry_id: id }),
  }),
  "timer.idle_detected": def({
    description: "The browser saw the user idle with a timer running, and what they chose.",
    props: z.object({ idle_minutes: count, action: z.enum(IDLE_ACTIONS) }),
  }),
  "entry.created": def({
    description: "A time entry was added by hand, in bulk or by import.",
    props: z.object({
      time_entry_id: id.nullable(),
      project_id: id.nullable(),
      source: ZEntrySource,
      billable: z.boolean(),
      num_entries: count,
    }),
  }),
  "entry.updated": def({ description: "A time entry was edited.", props: z.object({ time_entry_id: id }) }),
  "entry.deleted": def({ description: "A time entry was deleted.", props: z.object({ time_entry_id: id }) }),
  "entry.restored": def({
    description: "Deleted time entries were put back (Undo).",
    props: z.object({ num_entries: count }),
  }),
  "entry.bulk_updated": def({
    description: "Several selected time entries were edited at once.",
    props: z.object({
      num_entries: count,
      project_changed: z.boolean(),
      tags_changed: z.boolean(),
      billable_changed: z.boolean(),
    }),
  }),
  "entry.bulk_deleted": def({
    description: "Several selected time entries were deleted at once.",
    props: z.object({ num_entries: count }),
  }),
  "tag.renamed": def({ description: "A tag was renamed on the tags page.", props: z.object({ tag_id: id }) }),
  "tag.merged": def({
    description: "A tag was merged into another (its entries now carry the other).",
    props: z.object({ tag_id: id, into_tag_id: id, num_entries: count }),
  }),
  "tag.deleted": def({ description: "A tag was deleted (removed from its entries).", props: z.object({ tag_id: id }) }),
  "project.created": def({
    description: "A project was created.",
    props: z.object({ project_id: id, client_id: id, billable: z.boolean(), has_budget: z.boolean() }),
  }),
  "project.updated": def({ description: "A project was edited.", props: z.object({ project_id: id }) }),
  "project.archived": def({
    description: "A project was archived or unarchived.",
    props: z.object({ project_id: id, archived: z.boolean() }),
  }),
  "project.deleted": def({ description: "A project was deleted.", props: z.object({ project_id: id }) }),
  "task.created": def({
    description: "A task was created.",
    props: z.object({
      task_id: id,
      project_id: id,
      has_due_date: z.boolean(),
      priority: ZTaskPriority,
    }),
  }),
  "task.updated": def({ description: "A task was edited.", props: z.object({ task_id: id }) }),
  "task.status_changed": def({
    description: "A task moved to another status (board or form).",
    props: z.object({ task_id: id, old_status: ZTaskStatus, new_status: ZTaskStatus }),
  }),
  "task.deleted": def({ description: "A task was deleted.", props: z.object({ task_id: id }) }),
  "client.created": def({ description: "A client was created.", props: z.object({ client_id: id }) }),
  "client.updated": def({ description: "A client was edited.", props: z.object({ client_id: id }) }),
  "client.archived": def({
    description: "A client was archived or unarchived.",
    props: z.object({ client_id: id, archived: z.boolean() }),
  }),
  "client.deleted": def({ description: "A client was deleted.", props: z.object({ client_id: id }) }),
  "api_token.created": def({
    description: "A user created a personal access token for the REST API.",
    props: z.object({ api_token_id: id, num_scopes: count, expires: z.boolean() }),
  }),
  "api_token.revoked": def({
    description: "A personal access token was revoked (by its owner or an admin).",
    props: z.object({ api_token_id: id }),
  }),
  "calendar_feed.created": def({
    description: "A user made a calendar feed URL (regenerated: it replaced an earlier one).",
    props: z.object({ regenerated: z.boolean() }),
  }),
  "calendar_feed.revoked": def({ description: "A user revoked their calendar feed URL.", props: z.object({}) }),
  "report.viewed": def({
    description: "A report was opened.",
    props: z.object({ report_type: z.enum(["summary", "detailed"]), date_range_days: count }),
  }),
  "report_view.saved": def({
    description: "A report view (the report's filters under a name) was saved.",
    props: z.object({
      report_view_id: id,
      report_type: z.enum(["summary", "detailed"]),
      date_preset: z.enum([...DATE_PRESETS.map(([p]) => p), "custom"]),
    }),
  }),
  "report_view.renamed": def({
    description: "A saved report view was renamed.",
    props: z.object({ report_view_id: id }),
  }),
  "report_view.deleted": def({
    description: "A saved report view was deleted.",
    props: z.object({ report_view_id: id }),
  }),
  "export.csv": def({
    description: "Entries were exported as CSV.",
    props: z.object({ export_type: z.enum(["detailed"]), num_rows: count, date_range_days: count }),
  }),
  "admin.telemetry_dashboard_viewed": def({ description: "An admin opened the telemetry page.", props: z.object({}) }),
  "admin.telemetry_toggled": def({
    description: "An admin turned installation telemetry on or off.",
    props: z.object({ enabled: z.boolean() }),
  }),
  "admin.test_email_sent": def({
    description: "An admin sent the test email; whether the mail server accepted it.",
    props: z.object({ delivered: z.boolean() }),
  }),
  "admin.password_reset_link_created": def({
    description: "An admin made a one-time password reset link to pass on by hand.",
    props: z.object({}),
  }),
  "admin.user_invited": def({
    description: "An admin invited an address; whether the invitation was mailed (else the link is copied).",
    props: z.object({ role: z.enum(["admin", "user"]), emailed: z.boolean() }),
  }),
  "admin.invitation_revoked": def({ description: "An admin revoked an open invitation.", props: z.object({}) }),
  "admin.settings_updated": def({ description: "An admin changed the organization settings.", props: z.object({}) }),
  "admin.user_created": def({
    description: "An admin created an account.",
    props: z.object({ role: z.enum(["admin", "user"]) }),
  }),
  "admin.user_updated": def({ description: "An admin edited an account.", props: z.object({}) }),
  "admin.user_role_changed": def({
    description: "An admin changed an account's role.",
    props: z.object({ new_role: z.enum(["admin", "user"]) }),
  }),
  "admin.user_deactivated": def({
    description: "An admin deactivated or reactivated an account.",
    props: z.object({ active: z.boolean() }),
  }),
  "webhook.endpoint_created": def({
    description: "A webhook endpoint was registered (a user's own, or organization-wide by an admin).",
    props: z.object({ endpoint_id: id, organization_wide: z.boolean(), num_events: count }),
  }),
  "webhook.endpoint_updated": def({
    description: "A webhook endpoint's URL or events were changed, or it was enabled or disabled by hand.",
    props: z.object({ endpoint_id: id, enabled: z.boolean() }),
  }),
  "webhook.endpoint_deleted": def({
    description: "A webhook endpoint was deleted.",
    props: z.object({ endpoint_id: id }),
  }),
  "webhook.endpoint_disabled": def({
    description: "The delivery worker disabled a webhook endpoint after repeated failed attempts.",
    props: z.object({ endpoint_id: id, organization_wide: z.boolean(), failures: count }),
  }),
  "webhook.test_sent": def({
    description: "A test event was queued for a webhook endpoint.",
    props: z.object({ endpoint_id: id }),
  }),
  "setup.completed": def({
    description: "The installation wizard finished.",
    props: z.object({ telemetry_enabled: z.boolean(), product_analytics_enabled: z.boolean() }),
  }),
  ...INVOICING_EVENTS,
  ...EXPENSE_EVENTS,
} as const;

export type EventName = keyof typeof EVENTS;
export type EventProps<E extends EventName> = z.input<(typeof EVENTS)[E]["props"]>;

/** Validates props against the catalog and drops every property it does not name. */
export function sanitizeProps<E extends EventName>(event: E, props: unknown): Record<string, unknown> | null {
  const res = EVENTS[event].props.safeParse(props ?? {});
  return res.success ? (res.data as Record<string, unknown>) : null;
}
