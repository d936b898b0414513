// Pure helpers for the backup download's progress: the server announces the snapshot's size
// (X-Backup-Rows, X-Backup-Lines); the browser counts newlines in the decompressed stream.

/** Newlines in a chunk of the uncompressed backup (one per JSON line). */
export function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
  return n;
}

export interface BackupProgressView {
  rowsDone: number;
  percent: number;
}

/** Rows received so far: lines seen minus the structural lines (header, one per table, end), so it
 * runs a few lines behind and is exact when every line has arrived. */
export function backupProgress(linesSeen: number, rows: number, lines: number): BackupProgressView {
  if (lines <= 0) return { rowsDone: 0, percent: 0 };
  const overhead = Math.max(0, lines - rows);
  const rowsDone = Math.min(rows, Math.max(0, linesSeen - overhead));
  return { rowsDone, percent: Math.min(100, Math.floor((linesSeen / lines) * 100)) };
}

/** The file name from a Content-Disposition header, or a default. */
export function fileNameFrom(disposition: string | null): string {
  const m = /filename="([^"]+)"/.exec(disposition ?? "");
  return m?.[1] ?? "timetracker-backup.jsonl.gz";
}
