"use client";
// The running timer's live elapsed time. The first render uses the server's render time, so the
// server's HTML and the browser's first render agree (no hydration error #418); the browser's own
// clock takes over right after and ticks every second.
import { useEffect, useState } from "react";
import { elapsedSeconds, formatClock } from "@/lib/time/clock";

export function Elapsed({
  start,
  renderedAt,
  label,
  className,
  testId,
}: {
  start: string;
  /** Date.now() on the server when the page was rendered. */
  renderedAt: number;
  label: string;
  className?: string;
  testId?: string;
}) {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, []);
  return (
    <span role="timer" aria-label={label} className={className} data-testid={testId}>
      {formatClock(elapsedSeconds(start, now))}
    </span>
  );
}
