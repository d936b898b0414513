// The OpenAPI 3.1 document of /api/v1, generated from zod schemas (zod-openapi): the response shapes
// in openapi-schemas.ts, the request bodies and query strings below. Served at /api/v1/openapi.json;
// `npm run api:client` turns it into the typed client in lib/api-client. tests/api-contract.test.ts
// fails when a route file and this document disagree, or when an answer does not match it.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_SCOPES, type ApiScope } from "@/lib/validation/api-tokens";
import {
  list,
  one,
  ZClientOut,
  ZEntryOut,
  ZExpenseOut,
  ZInvoiceOut,
  ZInvoiceSummaryOut,
  ZProblem,
  ZProjectOut,
  ZSummaryOut,
  ZTagOut,
  ZTaskOut,
  ZUserOut,
  ZWeekOut,
} from "./openapi-schemas";

const uuid = z.uuid();
const day = z.string().meta({ example: "2026-01-05", description: "YYYY-MM-DD in the user's time zone" });
const ids = z.array(uuid).optional().meta({ description: "Repeat the parameter or separate ids by commas." });
const page = { cursor: z.string().optional(), limit: z.number().int().min(1).max(500).optional() };

const TimerStart = z
  .strictObject({
    /** Optional: start first, file it under a project later. */
    projectId: uuid.nullable().optional(),
    taskId: uuid.nullable().optional(),
    notes: z.string().max(2000).optional(),
    tags: z.array(z.string()).optional(),
    billable: z.boolean().optional(),
  })
  .meta({ id: "TimerStart" });
const TimerCommand = z
  .object({
    id: uuid.meta({ description: "Chosen by the client; a second request with the same id is not applied again." }),
    kind: z.enum(["start", "switch", "stop", "resume"]),
    at: z.iso.datetime({ offset: true }).optional(),
    projectId: uuid.nullable().optional(),
    taskId: uuid.nullable().optional(),
    notes: z.string().max(2000).optional(),
    tags: z.array(z.string()).optional(),
    billable: z.boolean().optional(),
  })
  .meta({ id: "TimerCommand" });
const TimerCommandResult = z
  .object({
    duplicate: z.boolean(),
    outcome: z.enum(["started", "stopped", "nothing_running"]),
    entryId: uuid.nullable(),
  })
  .meta({ id: "TimerCommandResult" });
const entryFields = {
  projectId: uuid.nullable().optional(),
  date: day,
  duration: z.string().optional().meta({ example: "1h 30m" }),
  startTime: z.string().optional().meta({ example: "09:00" }),
  endTime: z.string().optional().meta({ example: "10:30" }),
  taskId: uuid.nullable().optional(),
  notes: z.string().max(2000).optional(),
  tags: z.array(z.string()).optional(),
  billable: z.boolean().optional(),
};
const EntryCreate = z.object(entryFields).meta({ id: "EntryCreate" });
const EntryPatch = z.object(entryFields).partial().meta({ id: "EntryPatch" });
const moneyIn = z.string().nullable().optional().meta({ example: "85.50" });
const clientFields = {
  name: z.string().min(1).max(120),
  contact: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
  defaultHourlyRate: moneyIn,
};
const ClientIn = z.object(clientFields).meta({ id: "ClientCreate" });
const ClientPatch = z
  .object({ ...clientFields, archived: z.boolean() })
  .partial()
  .meta({ id: "ClientPatch" });
const projectFields = {
  clientId: uuid,
  name: z.string().min(1).max(120),
  description: z.string().optional(),
  color: z.string().optional().meta({ example: "#2563eb" }),
  billable: z.boolean().optional(),
  hourlyRate: moneyIn,
  billingReference: z.string().optional(),
  estimatedHours: z.number().nullable().optional(),
  budget: moneyIn,
  budgetAlertPercent: z.number().int().min(1).max(100).optional(),
};
const ProjectIn = z.object(projectFields).meta({ id: "ProjectCreate" });
const ProjectPatch = z
  .object({ ...projectFields, archived: z.boolean() })
  .partial()
  .meta({ id: "ProjectPatch" });
const taskFields = {
  projectId: uuid,
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  status: ZTaskOut.shape.status.optional(),
  priority: ZTaskOut.shape.priority.optional(),
  estimatedHours: z.number().nullable().optional(),
  dueDate: day.nullable().optional(),
  assigneeId: uuid.nullable().optional(),
};
const TaskIn = z.object(taskFields).meta({ id: "TaskCreate" });
const TaskPatch = z.object(taskFields).partial().meta({ id: "TaskPatch" });
const TagIn = z.object({ name: z.string().min(1).max(50) }).meta({ id: "TagWrite" });

const EntryQuery = z.object({
  ids,
  project_ids: ids,
  task_ids: ids,
  client_ids: ids,
  user_ids: ids.meta({ description: "Administrators only; others get 403 for anyone but themselves." }),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  billable: z.enum(["true", "false"]).optional(),
  ...page,
});
const CatalogQuery = z.object({ ids, archived: z.enum(["true", "false", "all"]).optional(), ...page });
const SummaryQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  group1: z.enum(["client", "project", "task", "user", "tag", "day", "week", "month"]).optional(),
  group2: z.enum(["client", "project", "task", "user", "tag", "day", "week", "month"]).optional(),
  clientId: uuid.optional(),
  projectId: uuid.optional(),
  taskId: uuid.optional(),
  userId: uuid.optional(),
  tag: z.string().optional(),
  billable: z.enum(["yes", "no"]).optional(),
});
const expenseFields = {
  projectId: uuid,
  date: day,
  category: z.string().max(60).optional(),
  description: z.string().max(500).optional(),
  amount: z.string().meta({ example: "12.50", description: "Decimal, in the project client's currency" }),
  taxRateId: uuid.nullable().optional(),
  billable: z.boolean().optional(),
};
const ExpenseIn = z.object(expenseFields).meta({ id: "ExpenseCreate" });
const ExpensePatch = z.object(expenseFields).partial().meta({ id: "ExpensePatch" });
const ExpenseQuery = z.object({
  ids,
  project_ids: ids,
  from: day.optional().meta({ description: "On or after this day" }),
  to: day.optional().meta({ description: "On or before this day" }),
  ...page,
});
const InvoiceQuery = z.object({
  ids,
  status: ZInvoiceSummaryOut.shape.status.optional(),
  client_ids: ids,
  from: day.optional().meta({ description: "Issued on or after this day" }),
  to: day.optional().meta({ description: "Issued on or before this day" }),
  ...page,
});
const PaymentIn = z
  .object({
    date: day,
    amount: z.string().meta({ example: "250.00", description: "Decimal, in the invoice's currency" }),
    method: z.string().max(60).optional().meta({ example: "bank transfer" }),
  })
  .meta({ id: "PaymentCreate" });
const IdPath = z.object({ id: uuid });

type Method = "get" | "post" | "patch" | "delete";
interface Op {
  scopes: readonly ApiScope[];
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and its body schema (null: no body). */
  ok: [number, z.ZodType | null];
}

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ZProblem } },
});

/** Every operation of the API: [OpenAPI path, method, definition]. */
export const OPERATIONS: [string, Method, Op][] = [
  [
    "/api/v1/timer",
    "get",
    {
      scopes: ["timer:write", "entries:read"],
      summary: "The running timer",
      ok: [200, z.object({ running: ZEntryOut.nullable() })],
    },
  ],
  [
    "/api/v1/timer",
    "post",
    {
      scopes: ["timer:write"],
      summary: "Start the timer",
      body: TimerStart,
      ok: [201, z.object({ entry: ZEntryOut })],
    },
  ],
  [
    "/api/v1/timer",
    "delete",
    { scopes: ["timer:write"], summary: "Stop the timer", ok: [200, z.object({ stopped: ZEntryOut.nullable() })] },
  ],
  [
    "/api/v1/timer/switch",
    "post",
    {
      scopes: ["timer:write"],
      summary: "Stop the running timer and start another",
      body: TimerStart,
      ok: [201, z.object({ stopped: ZEntryOut.nullable(), started: ZEntryOut })],
    },
  ],
  [
    "/api/v1/timer/commands",
    "post",
    {
      scopes: ["timer:write"],
      summary: "Apply a timer command at most once (the offline queue and the palette use it)",
      body: TimerCommand,
      ok: [200, TimerCommandResult],
    },
  ],
  [
    "/api/v1/entries",
    "get",
    {
      scopes: ["entries:read"],
      summary: "List time entries, newest first",
      query: EntryQuery,
      ok: [200, list(ZEntryOut)],
    },
  ],
  [
    "/api/v1/entries",
    "post",
    {
      scopes: ["entries:write"],
      summary: "Add a time entry",
      body: EntryCreate,
      ok: [201, z.object({ id: uuid, overlaps: z.boolean() })],
    },
  ],
  ["/api/v1/entries/{id}", "get", { scopes: ["entries:read"], summary: "One time entry", ok: [200, one(ZEntryOut)] }],
  [
    "/api/v1/entries/{id}",
    "patch",
    {
      scopes: ["entries:write"],
      summary: "Change the fields sent",
      body: EntryPatch,
      ok: [200, z.object({ entry: ZEntryOut, overlaps: z.boolean() })],
    },
  ],
  ["/api/v1/entries/{id}", "delete", { scopes: ["entries:write"], summary: "Delete a time entry", ok: [204, null] }],
  [
    "/api/v1/week",
    "get",
    {
      scopes: ["entries:read"],
      summary: "The week holding a day",
      query: z.object({ date: day.optional() }),
      ok: [200, ZWeekOut],
    },
  ],
  [
    "/api/v1/reports/summary",
    "get",
    { scopes: ["reports:read"], summary: "Summary report", query: SummaryQuery, ok: [200, ZSummaryOut] },
  ],
  [
    "/api/v1/reports/detailed",
    "get",
    {
      scopes: ["reports:read"],
      summary: "Detailed report (entry by entry)",
      query: EntryQuery,
      ok: [200, list(ZEntryOut)],
    },
  ],
  [
    "/api/v1/clients",
    "get",
    { scopes: ["clients:read"], summary: "List clients", query: CatalogQuery, ok: [200, list(ZClientOut)] },
  ],
  [
    "/api/v1/clients",
    "post",
    { scopes: ["clients:write"], summary: "Create a client", body: ClientIn, ok: [201, one(ZClientOut)] },
  ],
  ["/api/v1/clients/{id}", "get", { scopes: ["clients:read"], summary: "One client", ok: [200, one(ZClientOut)] }],
  [
    "/api/v1/clients/{id}",
    "patch",
    { scopes: ["clients:write"], summary: "Change the fields sent", body: ClientPatch, ok: [200, one(ZClientOut)] },
  ],
  [
    "/api/v1/clients/{id}",
    "delete",
    { scopes: ["clients:write"], summary: "Delete an unused client (administrators)", ok: [204, null] },
  ],
  [
    "/api/v1/projects",
    "get",
    {
      scopes: ["projects:read"],
      summary: "List projects",
      query: CatalogQuery.extend({ client_ids: ids }),
      ok: [200, list(ZProjectOut)],
    },
  ],
  [
    "/api/v1/projects",
    "post",
    { scopes: ["projects:write"], summary: "Create a project", body: ProjectIn, ok: [201, one(ZProjectOut)] },
  ],
  ["/api/v1/projects/{id}", "get", { scopes: ["projects:read"], summary: "One project", ok: [200, one(ZProjectOut)] }],
  [
    "/api/v1/projects/{id}",
    "patch",
    { scopes: ["projects:write"], summary: "Change the fields sent", body: ProjectPatch, ok: [200, one(ZProjectOut)] },
  ],
  [
    "/api/v1/projects/{id}",
    "delete",
    { scopes: ["projects:write"], summary: "Delete a project without time (administrators)", ok: [204, null] },
  ],
  [
    "/api/v1/tasks",
    "get",
    {
      scopes: ["tasks:read"],
      summary: "List tasks",
      query: z.object({ ids, project_ids: ids, ...page }),
      ok: [200, list(ZTaskOut)],
    },
  ],
  [
    "/api/v1/tasks",
    "post",
    { scopes: ["tasks:write"], summary: "Create a task", body: TaskIn, ok: [201, one(ZTaskOut)] },
  ],
  ["/api/v1/tasks/{id}", "get", { scopes: ["tasks:read"], summary: "One task", ok: [200, one(ZTaskOut)] }],
  [
    "/api/v1/tasks/{id}",
    "patch",
    { scopes: ["tasks:write"], summary: "Change the fields sent", body: TaskPatch, ok: [200, one(ZTaskOut)] },
  ],
  [
    "/api/v1/tasks/{id}",
    "delete",
    { scopes: ["tasks:write"], summary: "Delete a task (its creator or an administrator)", ok: [204, null] },
  ],
  [
    "/api/v1/tags",
    "get",
    { scopes: ["tags:read"], summary: "List tags", query: z.object({ ids, ...page }), ok: [200, list(ZTagOut)] },
  ],
  ["/api/v1/tags", "post", { scopes: ["tags:write"], summary: "Create a tag", body: TagIn, ok: [201, one(ZTagOut)] }],
  ["/api/v1/tags/{id}", "get", { scopes: ["tags:read"], summary: "One tag", ok: [200, one(ZTagOut)] }],
  [
    "/api/v1/tags/{id}",
    "patch",
    { scopes: ["tags:write"], summary: "Rename a tag", body: TagIn, ok: [200, one(ZTagOut)] },
  ],
  [
    "/api/v1/tags/{id}",
    "delete",
    { scopes: ["tags:write"], summary: "Delete a tag (administrators)", ok: [204, null] },
  ],
  [
    "/api/v1/expenses",
    "get",
    {
      scopes: ["expenses:read"],
      summary: "List expenses (yours; administrators: everyone's), the newest 500 matching, in id order",
      query: ExpenseQuery,
      ok: [200, list(ZExpenseOut)],
    },
  ],
  [
    "/api/v1/expenses",
    "post",
    { scopes: ["expenses:write"], summary: "Record an expense", body: ExpenseIn, ok: [201, one(ZExpenseOut)] },
  ],
  ["/api/v1/expenses/{id}", "get", { scopes: ["expenses:read"], summary: "One expense", ok: [200, one(ZExpenseOut)] }],
  [
    "/api/v1/expenses/{id}",
    "patch",
    {
      scopes: ["expenses:write"],
      summary: "Change the fields sent (not while on an invoice)",
      body: ExpensePatch,
      ok: [200, one(ZExpenseOut)],
    },
  ],
  [
    "/api/v1/expenses/{id}",
    "delete",
    { scopes: ["expenses:write"], summary: "Delete an expense (not while on an invoice)", ok: [204, null] },
  ],
  [
    "/api/v1/invoices",
    "get",
    {
      scopes: ["invoices:read"],
      summary: "List invoices and credit notes (administrators; in id order, for stable pages)",
      query: InvoiceQuery,
      ok: [200, list(ZInvoiceSummaryOut)],
    },
  ],
  [
    "/api/v1/invoices/{id}",
    "get",
    {
      scopes: ["invoices:read"],
      summary: "One invoice with lines, taxes and payments (administrators)",
      ok: [200, one(ZInvoiceOut)],
    },
  ],
  [
    "/api/v1/invoices/{id}/payments",
    "post",
    {
      scopes: ["invoices:write"],
      summary: "Record a payment on an issued invoice (administrators)",
      body: PaymentIn,
      ok: [201, one(ZInvoiceOut)],
    },
  ],
  [
    "/api/v1/users",
    "get",
    { scopes: ["admin"], summary: "Every account (administrators)", ok: [200, z.object({ data: z.array(ZUserOut) })] },
  ],
];

function operation(path: string, method: Method, op: Op): ZodOpenApiOperationObject {
  const [status, schema] = op.ok;
  return {
    summary: op.summary,
    operationId: `${method}${path
      .replace("/api/v1", "")
      .replace(/\{id\}/g, "ById")
      .replace(/[/_](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    description: `Token scope: ${op.scopes.join(" or ")}.`,
    security: [{ bearer: [...op.scopes] }, { session: [] }],
    requestParams: {
      ...(path.includes("{id}") ? { path: IdPath } : {}),
      ...(op.query ? { query: op.query } : {}),
    },
    ...(op.body ? { requestBody: { required: true, ...json(op.body) } } : {}),
    ...(method === "post"
      ? {
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header" as const,
              required: false,
              schema: { type: "string" as const, maxLength: 255 },
            },
          ],
        }
      : {}),
    responses: {
      [status]: schema ? { description: "Success", ...json(schema) } : { description: "Done (no body)" },
      "400": problem("Invalid input (field errors in `errors` and `fieldErrors`)"),
      "401": problem("No session, or a missing, revoked, expired or malformed token"),
      "403": problem("Cross-site request, missing scope or not allowed"),
      ...(path.includes("{id}") ? { "404": problem("No such item, or someone else's") } : {}),
      ...(method === "post" || method === "patch"
        ? { "409": problem("Conflict (duplicate name, running timer, idempotency key in use)") }
        : {}),
      "429": problem("The token's rate limit is used up"),
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(version = "1") {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const [path, method, op] of OPERATIONS) paths[path] = { ...paths[path], [method]: operation(path, method, op) };
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "TimeTracker API",
      version,
      description: "Personal access tokens, scopes, errors, pagination, idempotency and rate limits: /docs/api.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `A personal access token (tt_pat_…). Scopes: ${API_SCOPES.join(", ")}.`,
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session." },
      },
    },
  });
  return cached;
}
