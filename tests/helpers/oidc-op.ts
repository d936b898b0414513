// Starts the test OpenID provider (tests/helpers/oidc-op-server.mjs) in its own process and waits for it.
import { spawn } from "node:child_process";
import path from "node:path";

export type OpMode = "normal" | "wrong-issuer" | "wrong-audience" | "expired";

export interface TestOp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How the next token responses' id tokens are altered (re-signed with the provider's key). */
  setMode(mode: OpMode): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestOp(opts: { port?: number; redirectUris?: string[] } = {}): Promise<TestOp> {
  const clientId = "timetracker";
  const clientSecret = "op-client-secret-for-tests";
  const child = spawn(process.execPath, [path.join(__dirname, "oidc-op-server.mjs")], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      OP_PORT: String(opts.port ?? 0),
      OP_CLIENT_ID: clientId,
      OP_CLIENT_SECRET: clientSecret,
      OP_REDIRECT_URIS: (opts.redirectUris ?? []).join(","),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`test OpenID provider exited (${code}): ${stderr}`)));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    async setMode(mode) {
      const res = await fetch(`${issuer}/__mode?mode=${mode}`, { method: "POST" });
      if (!res.ok) throw new Error(`setMode ${mode}: HTTP ${res.status}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
