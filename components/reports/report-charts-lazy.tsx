"use client";
// Loads the charts' code (recharts) only when the reports page shows them, so no other page pays
// for it; the placeholder keeps the page from jumping while it loads.
import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

export const LazyReportCharts = dynamic(() => import("./report-charts").then((m) => m.ReportCharts), {
  ssr: false,
  loading: () => (
    <div className="mb-6 grid gap-6 lg:grid-cols-3" data-testid="report-charts-loading">
      <Skeleton className="h-72 lg:col-span-2" />
      <Skeleton className="h-72" />
    </div>
  ),
});
