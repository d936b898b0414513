// GET /api/admin/backup: streams a consistent snapshot of all data (admins only). X-Backup-Rows and
// X-Backup-Lines give the snapshot's exact size, so the admin page can show progress (no Content-Length:
// the file is compressed while it streams).
import { requireAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { downloadName } from "@/lib/format";
import { logger } from "@/lib/observability/logger";
import { withRoute } from "@/lib/observability/with-route";
import { startBackup } from "@/lib/services/backup";
import { timezoneOf } from "@/lib/services/entry-input";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRoute("/api/admin/backup", async () => {
  try {
    const admin = await requireAdmin();
    const name = downloadName("timetracker-backup", "jsonl.gz", new Date(), await timezoneOf(admin.id), true);
    logger().info({ event: "backup.started", user_id: admin.id }, "backup download started");
    const { stream, size } = await startBackup(admin);
    return new Response(stream, {
      headers: {
        "content-type": "application/gzip",
        "x-backup-rows": String(size.rows),
        "x-backup-lines": String(size.lines),
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof AppError) {
      const status = err.code === "UNAUTHENTICATED" ? 401 : 403;
      return Response.json({ error: { code: err.code, message: err.message } }, { status });
    }
    logger().error({ event: "backup.failed", err }, "backup failed");
    return Response.json({ error: { code: "INTERNAL", message: "The backup could not be made." } }, { status: 500 });
  }
});
