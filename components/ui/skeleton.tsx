// A grey placeholder while a slow page loads (loading.tsx); hidden from assistive tech, which gets
// the page's own "Loading…" status instead.
import { cx } from "./cx";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx("animate-pulse rounded-md bg-slate-200 dark:bg-slate-800", className)} />;
}
