// /manifest.webmanifest: what a browser needs to install TimeTracker as an app (name, icons,
// colours, start page). Public, like the icons: the install prompt reads it before any sign-in.
import type { MetadataRoute } from "next";

export const THEME_COLOR = "#2563eb";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "TimeTracker",
    short_name: "TimeTracker",
    description: "Self-hosted, privacy-first time tracking.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: THEME_COLOR,
    categories: ["productivity", "business"],
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "Timer", url: "/timer" },
      { name: "Entries", url: "/entries" },
      { name: "Reports", url: "/reports" },
    ],
  };
}
