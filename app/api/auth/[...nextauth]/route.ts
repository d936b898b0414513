// next-auth's endpoints: CSRF token, credentials callback, session, sign-out.
import { handleAuthRequest } from "@/lib/auth/route-handler";
import { withRoute } from "@/lib/observability/with-route";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = withRoute("/api/auth/[...nextauth]", async (req: Request, ctx: Ctx) => {
  return handleAuthRequest(req, (await ctx.params).nextauth ?? []);
});

export { handler as GET, handler as POST };
