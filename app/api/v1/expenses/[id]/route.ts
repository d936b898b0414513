// /api/v1/expenses/:id: GET one (expenses:read); PATCH the fields sent (expenses:write); DELETE
// (expenses:write) → 204. Someone else's expense is a 404 for a member; one on an invoice is locked (409).
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { mergePatch, pathId, type IdCtx } from "@/lib/api/resource";
import { apiExpense, expenseFields, expenseInput } from "@/lib/api/shapes";
import { deleteExpense, getExpense, updateExpense } from "@/lib/services/expenses";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const KEYS = ["projectId", "date", "category", "description", "amount", "taxRateId", "billable"] as const;

export const GET = apiRoute("/api/v1/expenses/[id]", ["expenses:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: apiExpense(await getExpense(actor, await pathId(ctx))) });
});

export const PATCH = apiRoute("/api/v1/expenses/[id]", ["expenses:write"], async (req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const next = mergePatch(expenseFields(await getExpense(actor, id)), await readJson(req), KEYS);
  return json({ data: apiExpense(await updateExpense(actor, { ...expenseInput(next), id })) });
});

export const DELETE = apiRoute("/api/v1/expenses/[id]", ["expenses:write"], async (_req, { actor }, ctx: IdCtx) => {
  await deleteExpense(actor, { id: await pathId(ctx) });
  return new Response(null, { status: 204 });
});
