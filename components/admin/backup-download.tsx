"use client";
// "Download backup" with progress: fetches /api/admin/backup, counts the JSON lines through a
// DecompressionStream on one branch of the stream while the other branch keeps the gzip bytes,
// then saves the file through a Blob URL. Without JavaScript the plain link downloads directly.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { backupProgress, countLines, fileNameFrom } from "./backup-progress";

type State =
  | { phase: "idle" }
  | { phase: "running"; rowsDone: number; rows: number; percent: number }
  | { phase: "done"; rows: number; name: string }
  | { phase: "failed"; message: string };

const fmt = (n: number) => n.toLocaleString("en-US");

async function countAll(stream: ReadableStream<Uint8Array>, onLines: (n: number) => void): Promise<number> {
  // DOM typings want BufferSource in; the fetch body's Uint8Array chunks are exactly that.
  const gunzip = new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  const reader = stream.pipeThrough(gunzip).getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += countLines(value);
    onLines(total);
  }
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>[]> {
  const reader = stream.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(new Uint8Array(value));
  }
}

function save(parts: BlobPart[], name: string) {
  const url = URL.createObjectURL(new Blob(parts, { type: "application/gzip" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function BackupDownload({ href = "/api/admin/backup" }: { href?: string }) {
  const t = useTranslations("Backup");
  const [state, setState] = useState<State>({ phase: "idle" });
  const lastPaint = useRef(0);

  async function run() {
    setState({ phase: "running", rowsDone: 0, rows: 0, percent: 0 });
    try {
      const res = await fetch(href, { cache: "no-store" });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? t("serverAnswered", { status: String(res.status) }));
      }
      const rows = Number(res.headers.get("x-backup-rows") ?? 0);
      const lines = Number(res.headers.get("x-backup-lines") ?? 0);
      const [forFile, forCount] = res.body.tee();
      const show = (seen: number, force = false) => {
        const now = performance.now();
        if (!force && now - lastPaint.current < 100) return;
        lastPaint.current = now;
        setState({ phase: "running", rows, ...backupProgress(seen, rows, lines) });
      };
      const [parts, seen] = await Promise.all([collect(forFile), countAll(forCount, (n) => show(n))]);
      show(seen, true);
      if (lines && seen !== lines) throw new Error(t("stoppedEarly", { seen: fmt(seen), lines: fmt(lines) }));
      const name = fileNameFrom(res.headers.get("content-disposition"));
      save(parts, name);
      setState({ phase: "done", rows, name });
    } catch (err) {
      const why = err instanceof Error && err.message ? err.message : t("interrupted");
      setState({ phase: "failed", message: t("failed", { why }) });
    }
  }

  const running = state.phase === "running";
  const percent = state.phase === "done" ? 100 : running ? state.percent : 0;
  return (
    <div>
      <a
        href={href}
        download
        aria-disabled={running}
        onClick={(e) => {
          // Browsers without DecompressionStream keep the plain download (no progress).
          if (typeof DecompressionStream === "undefined") return;
          e.preventDefault();
          if (!running) void run();
        }}
        className={`inline-flex rounded-md px-4 py-2 text-sm font-medium text-white ${running ? "pointer-events-none bg-blue-400" : "bg-blue-600 hover:bg-blue-700"}`}
      >
        {t("download")}
      </a>
      {(state.phase === "running" || state.phase === "done") && (
        <div className="mt-3 max-w-md">
          <div
            role="progressbar"
            aria-label={t("progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
          >
            <div className="h-full bg-blue-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      <p aria-live="polite" className="mt-2 text-sm" data-testid="backup-status">
        {state.phase === "running" &&
          (state.rows
            ? t("runningRows", {
                done: fmt(state.rowsDone),
                rows: fmt(state.rows),
                percent: String(state.percent),
              })
            : t("running"))}
        {state.phase === "done" && t("done", { rows: fmt(state.rows), name: state.name })}
      </p>
      {state.phase === "failed" && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
    </div>
  );
}
