// Alloy and Loki configuration against what the app's logger really writes: a line from the real
// logger (createLogger) goes through Alloy's pipeline as config.alloy describes it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@/lib/observability/logger";
import { runWithContext } from "@/lib/observability/request-context";
import { applyPipeline, readAlloyPipeline } from "@/scripts/lib/deploy/alloy";
import { DOCKER_DIR, readYaml } from "./compose-files";

async function realLogLines(): Promise<string[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tt-log-")), "app.jsonl");
  const { logger, file: dest } = createLogger({ level: "info", filePath: file, stdout: false });
  const log = logger.child({ logger: "app" });
  runWithContext({ requestId: "req-123" }, () => log.warn({ event: "test.event" }, "inside a request"));
  log.error({ event: "test.failed" }, "an error");
  logger.flush();
  const read = () => (fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : []);
  for (let i = 0; i < 100 && read().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  (dest as unknown as { end?: () => void })?.end?.();
  return read();
}

describe("log shipping", () => {
  test("Alloy's pipeline reads the app's real lines: time as RFC 3339, level as text, labels app and level", async () => {
    const p = readAlloyPipeline();
    expect(p.timestamp).toEqual({ source: "time", format: "RFC3339" });
    expect(p.labelKeep.sort()).toEqual(["app", "level"]);
    const lines = await realLogLines();
    expect(lines).toHaveLength(2);
    const [inRequest, error] = lines.map((l) => applyPipeline(p, l));
    expect(inRequest.problems).toEqual([]);
    expect(inRequest.labels).toEqual({ app: "timetracker", level: "warn" });
    expect(Math.abs(inRequest.time!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(error.labels).toEqual({ app: "timetracker", level: "error" });
    const obj = JSON.parse(lines[0]) as Record<string, unknown>;
    // The fields the Logs dashboard and docs query with `| json`.
    expect(obj).toMatchObject({
      level: "warn",
      logger: "app",
      message: "inside a request",
      request_id: "req-123",
      event: "test.event",
    });
  });

  test("a line with an epoch timestamp or numeric level is reported, not silently shipped", () => {
    const p = readAlloyPipeline();
    expect(applyPipeline(p, JSON.stringify({ time: 1764288582416, level: 30, message: "x" })).problems).toEqual(
      expect.arrayContaining(['field "time" is missing or not a string', 'field "level" is missing or not a string']),
    );
  });

  test("Loki: single binary on the filesystem, tsdb v13, reporting off, port Alloy pushes to", () => {
    const loki = readYaml<Record<string, never>>(path.join(DOCKER_DIR, "loki/loki.yaml")) as Record<
      string,
      Record<string, unknown>
    >;
    expect(loki.analytics).toEqual({ reporting_enabled: false });
    expect(loki.auth_enabled).toBe(false);
    expect((loki.server as { http_listen_port: number }).http_listen_port).toBe(
      Number(new URL(readAlloyPipeline().lokiUrl).port),
    );
    expect(loki.common).toMatchObject({ storage: { filesystem: expect.any(Object) }, replication_factor: 1 });
    const schema = (loki.schema_config as { configs: Record<string, unknown>[] }).configs;
    expect(schema.at(-1)).toMatchObject({ store: "tsdb", object_store: "filesystem", schema: "v13" });
  });
});
