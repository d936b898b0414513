// /api/v1/expenses: GET ?ids&project_ids&from&to&cursor&limit (expenses:read) → { data, nextCursor }:
// the caller's expenses (administrators: everyone's), the newest 500 that match, paged in id order;
// POST an expense (expenses:write) → 201 { data }. Amounts as decimal strings in their currency.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { bodyObject, pageOf } from "@/lib/api/resource";
import { apiExpense, expenseInput } from "@/lib/api/shapes";
import { createExpense, listExpenses } from "@/lib/services/expenses";
import { queryObject, ZApiExpenseQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/expenses", ["expenses:read"], async (req, { actor }) => {
  const q = ZApiExpenseQuery.parse(queryObject(req.url));
  const { expenses } = await listExpenses(actor, { from: q.from, to: q.to });
  const projects = q.project_ids ? new Set(q.project_ids) : null;
  const page = pageOf(
    expenses.filter((e) => !projects || projects.has(e.projectId)),
    q,
  );
  return json({ data: page.data.map(apiExpense), nextCursor: page.nextCursor });
});

export const POST = apiRoute("/api/v1/expenses", ["expenses:write"], async (req, { actor }) => {
  const body = bodyObject(await readJson(req));
  return json({ data: apiExpense(await createExpense(actor, expenseInput(body))) }, 201);
});
