// Starts the test OpenID provider (tests/helpers/oidc-op-server.mjs) in its own process and waits for it.
import { spawn, type ChildProcess } from "node:child_process";
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

// The provider prints "ready <issuer>" within a second or two; once, in a full npm test on a fresh
// clone, it had not after 60 s. A start that takes longer than this is killed and tried once more,
// and a second failure names what the process wrote.
const READY_MS = 25_000;

function spawnOp(env: Record<string, string>): Promise<{ child: ChildProcess; issuer: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, "oidc-op-server.mjs")], {
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let out = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`test OpenID provider not ready after ${READY_MS} ms; stdout: ${out} stderr: ${stderr}`));
    }, READY_MS);
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, issuer: m[1] });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`test OpenID provider exited (${code}): ${stderr}`));
    });
  });
}

export async function startTestOp(opts: { port?: number; redirectUris?: string[] } = {}): Promise<TestOp> {
  const clientId = "timetracker";
  const clientSecret = "op-client-secret-for-tests";
  const env = {
    OP_PORT: String(opts.port ?? 0),
    OP_CLIENT_ID: clientId,
    OP_CLIENT_SECRET: clientSecret,
    OP_REDIRECT_URIS: (opts.redirectUris ?? []).join(","),
  };
  const { child, issuer } = await spawnOp(env).catch((err: Error) => {
    process.stderr.write(`${err.message}; starting it again\n`);
    return spawnOp(env);
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
