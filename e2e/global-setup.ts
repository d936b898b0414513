// One server for the whole browser run: fresh data folder, one admin and one user created first.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createUserCli, startServer } from "./server";

export const E2E_USERS = {
  admin: { username: "e2e-admin", email: "admin@e2e.test", password: "admin-pass-123" },
  user: { username: "e2e-user", email: "user@e2e.test", password: "user-pass-1234" },
};

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-data-"));
  const a = E2E_USERS.admin;
  const u = E2E_USERS.user;
  createUserCli(dataDir, ["--username", a.username, "--email", a.email, "--password", a.password, "--admin"]);
  createUserCli(dataDir, ["--username", u.username, "--email", u.email, "--password", u.password]);
  // e2e/webhooks.spec.ts delivers to a receiver on 127.0.0.1, quickly, and sees auto-disable after 3 failures.
  const server = await startServer(port, {
    DATA_DIR: dataDir,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    WEBHOOK_POLL_SECONDS: "0.2",
    WEBHOOK_DISABLE_AFTER_FAILURES: "3",
  });
  process.env.E2E_LOG_DIR = server.logDir;
  return async () => {
    await server.stop();
  };
}
