"use client";
// Keeps this tab in step with the user's other tabs and devices: one Server-Sent Events stream
// (/api/live) per tab; when the timer changes anywhere, the page's server data is re-read. The
// browser reconnects by itself, with Last-Event-ID, after a network blip or a server restart.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function useLiveSync(): void {
  const router = useRouter();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/live");
    const refresh = () => router.refresh();
    source.addEventListener("timer", refresh);
    source.addEventListener("sync", refresh);
    return () => source.close();
  }, [router]);
}

/** Mount once in the signed-in layout; renders nothing. */
export function LiveSync() {
  useLiveSync();
  return null;
}
