// next-auth's endpoints: CSRF token, credentials callback, session, sign-out.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withRoute } from "@/lib/observability/with-route";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = withRoute("/api/auth/[...nextauth]", async (req: Request, ctx: Ctx) => {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions()) as Promise<Response>;
});

export { handler as GET, handler as POST };
