// GET /expenses/[id]/receipt: the expense's receipt as a download (its owner and admins).
// POST /expenses/[id]/receipt: a multipart form with one "receipt" file; answers with a redirect back
// to /expenses?receipt=<outcome>, so the plain HTML form works without JavaScript.
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { checkOrigin } from "@/lib/security/origin";
import { attachReceipt, readReceipt } from "@/lib/services/receipts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

export const GET = withRoute("/expenses/[id]/receipt", async (_req: Request, ctx: Ctx): Promise<Response> => {
  try {
    const user = await requireUser();
    const { bytes, mime, filename } = await readReceipt(user, (await ctx.params).id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": mime,
        "content-disposition": `attachment; filename="${filename}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof AppError && STATUS[err.code]) {
      return NextResponse.json({ error: err.message }, { status: STATUS[err.code] });
    }
    throw err;
  }
});

/** Back to the list, which says what happened (app/(app)/expenses/page.tsx); a relative Location
 * keeps the browser on the host it used, whatever proxy is in front. */
function back(outcome: string): Response {
  return new Response(null, { status: 303, headers: { location: `/expenses?receipt=${outcome}` } });
}

export const POST = withRoute("/expenses/[id]/receipt", async (req: Request, ctx: Ctx): Promise<Response> => {
  if (!checkOrigin(req, env().NEXTAUTH_URL).ok) {
    return NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  let user;
  try {
    user = await requireUser();
  } catch (err) {
    if (err instanceof AppError) return NextResponse.json({ error: err.message }, { status: 401 });
    throw err;
  }
  const form = await req.formData().catch(() => null);
  try {
    await attachReceipt(user, { id: (await ctx.params).id, file: form?.get("receipt") });
    return back("saved");
  } catch (err) {
    if (err instanceof AppError) {
      const msg = err.fieldErrors?.receipt?.[0] ?? "";
      const outcome =
        err.code === "NOT_FOUND"
          ? "not_found"
          : /10 MB/.test(msg)
            ? "too_big"
            : /PNG/.test(msg)
              ? "wrong_type"
              : "missing";
      return back(outcome);
    }
    throw err;
  }
});
