"use client";
// Starts browser error monitoring / product analytics after hydration, only when the server passed
// a configuration for them (see lib/observability/client-config.ts). Renders nothing.
import { useEffect } from "react";
import type { ClientMonitoringConfig } from "@/lib/observability/client-config";
import { startBrowserMonitoring } from "@/lib/observability/browser";

export function ClientMonitoring({ config }: { config: ClientMonitoringConfig }) {
  useEffect(() => {
    startBrowserMonitoring(config);
  }, [config]);
  return null;
}
