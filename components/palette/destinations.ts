// The pages the palette and the "g" shortcuts jump to; one table for both, and for the overlay.

export interface Destination {
  href: string;
  label: string;
  /** Second key after "g". */
  key: string;
  adminOnly?: boolean;
}

export const DESTINATIONS: Destination[] = [
  { href: "/", label: "Dashboard", key: "d" },
  { href: "/timer", label: "Timer", key: "t" },
  { href: "/entries", label: "Entries", key: "e" },
  { href: "/projects", label: "Projects", key: "p" },
  { href: "/clients", label: "Clients", key: "c" },
  { href: "/tasks", label: "Tasks", key: "k" },
  { href: "/reports", label: "Reports", key: "r" },
  { href: "/profile", label: "Profile", key: "s" },
  { href: "/admin", label: "Admin", key: "a", adminOnly: true },
];

/** Where "n" (new entry) goes: the entries page's form for adding time. */
export const NEW_ENTRY_HREF = "/entries#add-h";
