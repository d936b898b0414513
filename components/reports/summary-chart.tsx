// Horizontal bars of hours per first-level group: plain CSS, readable without colour.
import { useTranslations } from "next-intl";
import { formatHours } from "@/lib/format";

export function SummaryChart({ bars }: { bars: { label: string; seconds: number }[] }) {
  const t = useTranslations("SummaryChart");
  const max = Math.max(1, ...bars.map((b) => b.seconds));
  return (
    <figure aria-label={t("label")} className="mb-4">
      <ul className="flex flex-col gap-1" data-testid="summary-chart">
        {bars.map((b) => (
          <li key={b.label} className="grid grid-cols-[10rem_1fr_4rem] items-center gap-2 text-sm">
            <span className="truncate" title={b.label}>
              {b.label}
            </span>
            <span className="h-4 rounded bg-blue-600" style={{ width: `${(b.seconds / max) * 100}%` }} aria-hidden />
            <span className="text-right tabular-nums">{formatHours(b.seconds)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
