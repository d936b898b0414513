// Mounted once by app/(app)/layout.tsx: the palette, shortcuts, offline status and service worker
// registration (the latter in production builds only).
import "server-only";
import { env } from "@/lib/env";
import { CommandCenterClient, type CommandCenterProps } from "./command-center-client";

export function CommandCenter(props: Omit<CommandCenterProps, "serviceWorker">) {
  return <CommandCenterClient {...props} serviceWorker={env().NODE_ENV === "production"} />;
}
