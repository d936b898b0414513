// GET /invoices/settings/logo: the organization's invoice logo, shown on the settings and invoice pages (admins).
// POST /invoices/settings/logo: a multipart form with one "logo" file; answers with a redirect back to
// /invoices/settings?logo=<outcome>, so the plain HTML form works without JavaScript.
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { checkOrigin } from "@/lib/security/origin";
import { readInvoiceLogo, setInvoiceLogo } from "@/lib/services/invoice-logo";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

function refused(err: unknown): Response {
  if (err instanceof AppError && STATUS[err.code]) {
    return NextResponse.json({ error: err.message }, { status: STATUS[err.code] });
  }
  throw err;
}

export const GET = withRoute("/invoices/settings/logo", async (): Promise<Response> => {
  let logo;
  try {
    logo = await readInvoiceLogo(await requireAdmin());
  } catch (err) {
    return refused(err);
  }
  if (!logo) return NextResponse.json({ error: "No logo is set." }, { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.mime,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});

/** Back to the settings, which say what happened; a relative Location keeps the browser's host. */
function back(outcome: string): Response {
  return new Response(null, { status: 303, headers: { location: `/invoices/settings?logo=${outcome}` } });
}

const OUTCOMES: [RegExp, string][] = [
  [/1 MB/, "too_big"],
  [/pixels/, "too_large"],
  [/could not be read/, "unreadable"],
  [/must be a PNG/, "wrong_type"],
];

export const POST = withRoute("/invoices/settings/logo", async (req: Request): Promise<Response> => {
  if (!checkOrigin(req, env().NEXTAUTH_URL).ok) {
    return NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  let user;
  try {
    user = await requireAdmin();
  } catch (err) {
    return refused(err);
  }
  const form = await req.formData().catch(() => null);
  try {
    await setInvoiceLogo(user, { file: form?.get("logo") });
    return back("saved");
  } catch (err) {
    if (err instanceof AppError && err.code === "VALIDATION") {
      const msg = err.fieldErrors?.logo?.[0] ?? "";
      return back(OUTCOMES.find(([re]) => re.test(msg))?.[1] ?? "missing");
    }
    throw err;
  }
});
