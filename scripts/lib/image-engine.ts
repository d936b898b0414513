// A thin wrapper over the container CLI for the image smoke test: podman (CI's machine, no Docker
// daemon) or docker (GitHub's runners). Both take the same run/exec/stop/inspect/logs arguments.
import { spawnSync } from "node:child_process";
import path from "node:path";

export type EngineName = "podman" | "docker";

export interface ImageConfig {
  User?: string;
  Env?: string[];
  Cmd?: string[];
  ExposedPorts?: Record<string, unknown>;
  Volumes?: Record<string, unknown>;
  Healthcheck?: { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };
}

export interface ContainerState {
  Status: string;
  Running: boolean;
  ExitCode: number;
  StartedAt: string;
  FinishedAt: string;
}

export class Engine {
  constructor(
    readonly name: EngineName,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** podman on CI's machine needs runc, low rlimits and vfs storage: scripts/lib/image-*.conf. */
  static create(name: EngineName, root: string): Engine {
    const env = { ...process.env };
    if (name === "podman") {
      env.CONTAINERS_CONF ??= path.join(root, "scripts/lib/image-containers.conf");
      env.CONTAINERS_STORAGE_CONF ??= path.join(root, "scripts/lib/image-storage.conf");
    }
    return new Engine(name, env);
  }

  /** Runs the CLI; throws with its stderr when it fails (unless allowFail). */
  run(
    args: string[],
    opts: { allowFail?: boolean; timeoutMs?: number } = {},
  ): { code: number; out: string; err: string } {
    const r = spawnSync(this.name, args, {
      env: this.env,
      encoding: "utf8",
      timeout: opts.timeoutMs ?? 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const res = { code: r.status ?? -1, out: r.stdout ?? "", err: r.stderr ?? String(r.error ?? "") };
    if (res.code !== 0 && !opts.allowFail)
      throw new Error(`${this.name} ${args.slice(0, 3).join(" ")} … exited ${res.code}: ${res.err.trim().slice(-800)}`);
    return res;
  }

  imageConfig(image: string): { config: ImageConfig; size: number; layers: string[] } {
    const [info] = JSON.parse(this.run(["image", "inspect", image]).out) as {
      Config: ImageConfig;
      Healthcheck?: ImageConfig["Healthcheck"];
      Size: number;
      RootFS: { Layers: string[] };
    }[];
    // docker reports the health check in Config, podman beside it.
    const config = { ...info.Config, Healthcheck: info.Config.Healthcheck ?? info.Healthcheck };
    return { config, size: info.Size, layers: info.RootFS.Layers };
  }

  /** Image history, newest first: one entry per Dockerfile instruction, with the size of its layer. */
  history(image: string): { createdBy: string; size: number }[] {
    if (this.name === "podman") {
      // podman 4.3 prints sizes human-readable whatever --human says; its JSON has bytes.
      const rows = JSON.parse(this.run(["history", "--format", "json", image]).out) as {
        CreatedBy: string;
        size: number;
      }[];
      return rows.map((r) => ({ createdBy: r.CreatedBy, size: r.size }));
    }
    const out = this.run([
      "history",
      "--no-trunc",
      "--human=false",
      "--format",
      "{{.Size}}\t{{.CreatedBy}}",
      image,
    ]).out;
    return out
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [size, ...rest] = line.split("\t");
        return { size: Number(size) || 0, createdBy: rest.join("\t") };
      });
  }

  state(container: string): ContainerState {
    const [info] = JSON.parse(this.run(["inspect", container]).out) as { State: ContainerState }[];
    return info.State;
  }

  logs(container: string): string {
    const r = this.run(["logs", container], { allowFail: true });
    return r.out + r.err;
  }

  remove(container: string): void {
    this.run(["rm", "-f", container], { allowFail: true });
  }
}

/** `KEY=value` list → object. */
export function envList(list: string[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
}
