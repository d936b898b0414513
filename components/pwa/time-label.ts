// "10:02" in the viewer's own locale and time zone (the browser's), for offline notices.
export function formatClock(iso: string): string {
  const d = new Date(iso);
  return Number.isFinite(d.getTime()) ? d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
}
