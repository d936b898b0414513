-- One supported range for every date TimeTracker accepts or stores (lib/services/time/range.ts):
-- days 1970-01-01 .. 2199-12-31; entry instants from 1969-12-31 00:00 UTC (inclusive) to
-- 2200-01-03 00:00 UTC (exclusive), which holds any of those days in any zone plus a 24-hour entry.
-- CHECK constraints cannot be written in schema.prisma, so they live only here (docs/upgrading.md).

-- 1. Rows written before the range existed (e.g. a 9999-12-31 entry that ended in year 10000) are
--    moved to the nearest edge of the range instead of failing the upgrade: the start is clamped to
--    1970-01-01 .. 2199-12-31 (00:00 UTC), the length kept (between 1 minute and 24 hours), and the
--    note says where the entry was, so its owner can find it (search "[moved by upgrade").
UPDATE "time_entries"
SET "notes" = left(
      '[moved by upgrade: was ' || to_char("start" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC] ' || "notes",
      2000),
    "end" = CASE
      WHEN "end" IS NULL THEN NULL
      ELSE LEAST(GREATEST("start", TIMESTAMPTZ '1970-01-01 00:00:00+00'), TIMESTAMPTZ '2199-12-31 00:00:00+00')
           + LEAST(GREATEST("end" - "start", INTERVAL '1 minute'), INTERVAL '24 hours')
    END,
    "start" = LEAST(GREATEST("start", TIMESTAMPTZ '1970-01-01 00:00:00+00'), TIMESTAMPTZ '2199-12-31 00:00:00+00'),
    "updated_at" = now()
WHERE "start" < TIMESTAMPTZ '1969-12-31 00:00:00+00'
   OR "start" >= TIMESTAMPTZ '2200-01-03 00:00:00+00'
   OR "end" < TIMESTAMPTZ '1969-12-31 00:00:00+00'
   OR "end" >= TIMESTAMPTZ '2200-01-03 00:00:00+00';

UPDATE "tasks"
SET "due_date" = LEAST(GREATEST("due_date", DATE '1970-01-01'), DATE '2199-12-31'),
    "updated_at" = now()
WHERE "due_date" < DATE '1970-01-01' OR "due_date" > DATE '2199-12-31';

-- 2. From now on the database itself refuses anything outside the range, whatever writes it.
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_in_range" CHECK (
  "start" >= TIMESTAMPTZ '1969-12-31 00:00:00+00' AND "start" < TIMESTAMPTZ '2200-01-03 00:00:00+00'
  AND ("end" IS NULL OR ("end" >= TIMESTAMPTZ '1969-12-31 00:00:00+00' AND "end" < TIMESTAMPTZ '2200-01-03 00:00:00+00'))
);

ALTER TABLE "tasks" ADD CONSTRAINT "tasks_due_date_in_range" CHECK (
  "due_date" IS NULL OR ("due_date" >= DATE '1970-01-01' AND "due_date" <= DATE '2199-12-31')
);
