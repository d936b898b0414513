// Display helpers shared by pages: money in the org's currency, hours, local dates.
import { formatHm } from "@/lib/services/time/duration-parse";

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(cents / 100);
}

export function formatHours(seconds: number): string {
  return formatHm(seconds);
}

export function formatDateTime(d: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: tz, dateStyle: "medium", timeStyle: "short" }).format(d);
}

export function formatDay(key: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(
    new Date(`${key}T00:00:00Z`),
  );
}
