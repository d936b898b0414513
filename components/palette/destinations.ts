// The pages the palette and the "g" shortcuts jump to; one table for both, and for the overlay.

export interface Destination {
  href: string;
  /** Its name in the catalog's "Destinations" namespace. */
  label: "dashboard" | "timer" | "entries" | "projects" | "clients" | "tasks" | "reports" | "profile" | "admin";
  /** Second key after "g". */
  key: string;
  adminOnly?: boolean;
}

export const DESTINATIONS: Destination[] = [
  { href: "/", label: "dashboard", key: "d" },
  { href: "/timer", label: "timer", key: "t" },
  { href: "/entries", label: "entries", key: "e" },
  { href: "/projects", label: "projects", key: "p" },
  { href: "/clients", label: "clients", key: "c" },
  { href: "/tasks", label: "tasks", key: "k" },
  { href: "/reports", label: "reports", key: "r" },
  { href: "/profile", label: "profile", key: "s" },
  { href: "/admin", label: "admin", key: "a", adminOnly: true },
];

/** Where "n" (new entry) goes: the entries page's form for adding time. */
export const NEW_ENTRY_HREF = "/entries#add-h";
