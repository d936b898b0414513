"use client";
// Registers /sw.js (production builds only: the server passes `enabled`), so the app can be
// installed and opens offline. Needs a secure context (https, or http://localhost).
import { useEffect } from "react";

export function RegisterServiceWorker({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Not fatal: the app works online without it (private windows, strict browser settings).
    });
  }, [enabled]);
  return null;
}
