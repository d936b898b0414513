// GET /api/admin/backup: streams a consistent snapshot of all data (admins only).
import { requireAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { backupStream } from "@/lib/services/backup";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET() {
  try {
    const admin = await requireAdmin();
    const name = `timetracker-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.jsonl.gz`;
    logger().info({ event: "backup.started", user_id: admin.id }, "backup download started");
    return new Response(backupStream(), {
      headers: {
        "content-type": "application/gzip",
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
}
