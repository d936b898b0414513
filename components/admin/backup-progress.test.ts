import { backupProgress, countLines, fileNameFrom } from "./backup-progress";

test("counts newlines in a chunk", () => {
  expect(countLines(new TextEncoder().encode('{"a":1}\n{"b":2}\n{"c"'))).toBe(2);
  expect(countLines(new Uint8Array())).toBe(0);
});

test("progress runs behind by the structural lines and is exact at the end", () => {
  // 1 000 120 rows in 3 tables: header + 3 table lines + rows + end.
  const rows = 1_000_120;
  const lines = rows + 5;
  expect(backupProgress(0, rows, lines)).toEqual({ rowsDone: 0, percent: 0 });
  expect(backupProgress(412_005, rows, lines)).toEqual({ rowsDone: 412_000, percent: 41 });
  expect(backupProgress(lines, rows, lines)).toEqual({ rowsDone: rows, percent: 100 });
  expect(backupProgress(lines + 3, rows, lines)).toEqual({ rowsDone: rows, percent: 100 });
  expect(backupProgress(2, 0, 2)).toEqual({ rowsDone: 0, percent: 100 });
});

test("file name from Content-Disposition", () => {
  expect(fileNameFrom('attachment; filename="timetracker-backup-2026.jsonl.gz"')).toBe(
    "timetracker-backup-2026.jsonl.gz",
  );
  expect(fileNameFrom(null)).toBe("timetracker-backup.jsonl.gz");
});
