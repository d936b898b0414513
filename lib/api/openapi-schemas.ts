// The REST API's response shapes as zod schemas, named (`.meta({ id })`) so they become components
// of the OpenAPI document. The contract test (tests/api-contract.test.ts) checks every real answer
// against them, so they cannot drift from what the routes send.
import { z } from "zod";
import { API_SCOPES } from "@/lib/validation/api-tokens";

const uuid = z.uuid();
const instant = z.iso
  .datetime({ offset: true })
  .meta({ description: "RFC 3339, UTC", example: "2026-01-05T09:00:00.000Z" });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ example: "2026-01-05" });
const money = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .meta({
    description:
      "Decimal amount in the organisation's currency. Rates, budgets and amounts are null for a member unless the organization lets members see money.",
    example: "85.50",
  });
const cursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as ?cursor= for the next page; null on the last page." });

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "RATE_LIMITED", "INTERNAL"]),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export const ZEntryOut = z
  .object({
    id: uuid,
    userId: uuid,
    username: z.string(),
    /** null: tracked without a project yet. */
    projectId: uuid.nullable(),
    projectName: z.string().nullable(),
    projectColor: z.string().nullable(),
    clientId: uuid.nullable(),
    clientName: z.string().nullable(),
    taskId: uuid.nullable(),
    taskName: z.string().nullable(),
    start: instant,
    end: instant.nullable(),
    durationSeconds: z.number().int(),
    notes: z.string(),
    tags: z.array(z.string()),
    billable: z.boolean(),
    source: z.enum(["timer", "manual", "bulk", "import"]),
    createdAt: instant,
  })
  .meta({ id: "Entry" });

export const ZClientOut = z
  .object({
    id: uuid,
    name: z.string(),
    contact: z.string(),
    email: z.string(),
    phone: z.string(),
    address: z.string(),
    defaultHourlyRate: money.nullable(),
    archived: z.boolean(),
    projectCount: z.number().int(),
  })
  .meta({ id: "Client" });

export const ZProjectOut = z
  .object({
    id: uuid,
    clientId: uuid,
    clientName: z.string(),
    name: z.string(),
    description: z.string(),
    color: z.string(),
    billable: z.boolean(),
    hourlyRate: money.nullable(),
    effectiveHourlyRate: money.nullable(),
    billingReference: z.string(),
    estimatedHours: z.number().nullable(),
    budget: money.nullable(),
    budgetAlertPercent: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: "Project" });

export const ZTaskOut = z
  .object({
    id: uuid,
    projectId: uuid,
    projectName: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(["todo", "in_progress", "review", "done", "cancelled"]),
    priority: z.enum(["low", "medium", "high", "urgent"]),
    estimatedHours: z.number().nullable(),
    dueDate: day.nullable(),
    assigneeId: uuid.nullable(),
    createdById: uuid,
    startedAt: instant.nullable(),
    completedAt: instant.nullable(),
  })
  .meta({ id: "Task" });

export const ZTagOut = z.object({ id: uuid, name: z.string(), createdAt: instant }).meta({ id: "Tag" });

export const ZUserOut = z
  .object({
    id: uuid,
    username: z.string(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(["admin", "user"]),
    active: z.boolean(),
    timezone: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "User" });

export const ZWeekOut = z
  .object({
    days: z.array(day),
    cells: z.array(
      z.object({
        day,
        projectId: uuid.nullable(),
        projectName: z.string().nullable(),
        projectColor: z.string().nullable(),
        taskId: uuid.nullable(),
        taskName: z.string().nullable(),
        seconds: z.number().int(),
      }),
    ),
    dayTotals: z.record(z.string(), z.number().int()),
    totalSeconds: z.number().int(),
  })
  .meta({ id: "Week" });

const totals = z.object({
  seconds: z.number(),
  billableSeconds: z.number(),
  amountCents: z
    .number()
    .nullable()
    .meta({ description: "Null for a member unless the organization lets members see money" }),
});
export const ZSummaryOut = z
  .object({
    rows: z.array(
      totals.extend({
        key1: z.string(),
        label1: z.string(),
        key2: z.string().nullable(),
        label2: z.string().nullable(),
      }),
    ),
    groupCount: z.number().int(),
    totals,
    query: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "SummaryReport" });

const amount = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: "Decimal amount in the invoice's currency (negative on credit notes)", example: "1190.00" });
const percent = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .meta({ example: "19" });
export const ZInvoiceSummaryOut = z
  .object({
    id: uuid,
    kind: z.enum(["invoice", "credit_note"]),
    number: z.string().nullable().meta({ description: "Null while a draft", example: "INV-2026-0001" }),
    status: z.enum(["draft", "issued", "partly_paid", "paid", "cancelled", "overdue"]),
    clientId: uuid,
    clientName: z.string(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    issueDate: day.nullable(),
    dueDate: day.nullable(),
    net: amount,
    tax: amount,
    total: amount,
    paid: amount,
    outstanding: amount,
    exchangeRate: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .nullable()
      .meta({
        description:
          "The manual exchange rate set on the draft (units of the organisation's currency per unit of `currency`; reporting only, frozen when issued); null when none was set, as for an invoice in the organisation's currency",
        example: "1.0845",
      }),
    homeTotal: z
      .object({
        amount: z
          .string()
          .regex(/^-?\d+(\.\d+)?$/)
          .meta({ example: "1290.56" }),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .meta({ example: "EUR" }),
      })
      .nullable()
      .meta({
        description:
          "The total in the organisation's currency: the total itself for an invoice in it, else converted at exchangeRate; null for an invoice in another currency without a rate",
      }),
  })
  .meta({ id: "InvoiceSummary" });
export const ZInvoiceOut = ZInvoiceSummaryOut.extend({
  priceMode: z.enum(["net", "gross"]),
  periodFrom: day.nullable(),
  periodTo: day.nullable(),
  notes: z.string(),
  reverseCharge: z.boolean(),
  creditedId: uuid.nullable().meta({ description: "On a credit note: the invoice it cancels" }),
  creditNoteId: uuid.nullable().meta({ description: "On a cancelled invoice: its credit note" }),
  lines: z.array(
    z.object({
      position: z.number().int(),
      kind: z.enum(["time", "manual", "discount", "expense"]),
      description: z.string(),
      quantity: z.string().meta({ example: "7.5" }),
      unitPrice: amount,
      discountPercent: percent,
      amount,
      taxName: z.string(),
      taxRatePercent: percent,
      tax: amount,
    }),
  ),
  taxes: z.array(z.object({ name: z.string(), ratePercent: percent, net: amount, tax: amount })),
  payments: z.array(z.object({ id: uuid, date: day, amount, method: z.string() })),
}).meta({ id: "Invoice" });

export const ZExpenseOut = z
  .object({
    id: uuid,
    userId: uuid,
    projectId: uuid,
    projectName: z.string(),
    date: day,
    category: z.string(),
    description: z.string(),
    amount,
    currency: z.string().regex(/^[A-Z]{3}$/),
    taxRateId: uuid.nullable(),
    taxRatePercent: percent.nullable(),
    billable: z.boolean(),
    invoiceId: uuid.nullable().meta({ description: "Set while on an invoice: then it cannot be changed" }),
    hasReceipt: z.boolean(),
  })
  .meta({ id: "Expense" });

export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: cursor });
export const one = <T extends z.ZodType>(item: T) => z.object({ data: item });

export const SCOPE_LIST = API_SCOPES;
