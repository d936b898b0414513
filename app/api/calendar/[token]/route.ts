// GET /api/calendar/<token>.ics: a user's time entries as an iCalendar feed (docs/user-guide.md
// "Calendar feed"). No session: the secret token is the authorization; an unknown or revoked one is 404.
// The access log names only the route template, never the token.
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { calendarFeedIcs } from "@/lib/services/calendar-feed";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRoute(
  "/api/calendar/[token]",
  async (_req: Request, { params }: { params: Promise<{ token?: string }> }) => {
    const { token } = await params;
    try {
      const ics = await calendarFeedIcs(typeof token === "string" ? token : "");
      return new Response(ics, {
        headers: {
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": 'inline; filename="timetracker.ics"',
          "cache-control": "private, no-store",
          "x-robots-tag": "noindex",
        },
      });
    } catch (err) {
      if (err instanceof AppError && err.code === "NOT_FOUND") {
        return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      throw err;
    }
  },
);
