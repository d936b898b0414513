"use client";
// The account menu in the top bar: who is signed in, the profile, the theme (light, dark or the
// system's, stored on the account) and sign out.
import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ChevronDown, LogOut, UserRound } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type Theme = "light" | "dark" | "system";
const THEMES: Theme[] = ["light", "dark", "system"];

export function UserMenu({
  name,
  theme,
  setTheme,
}: {
  name: string;
  theme: Theme;
  setTheme: (input: { theme: Theme }) => Promise<unknown>;
}) {
  const t = useTranslations("UserMenu");
  const router = useRouter();
  const [saving, start] = useTransition();
  const choose = (value: string) => {
    const next = value as Theme;
    document.documentElement.dataset.theme = next;
    start(async () => {
      await setTheme({ theme: next });
      router.refresh();
    });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={t("trigger", { name })}
        data-testid="user-menu"
        // The theme as saved on the account (the server's value): tests wait for it after a change.
        data-theme={theme}
        aria-busy={saving || undefined}
        className="inline-flex h-9 min-w-0 shrink-0 items-center gap-2 rounded-md px-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        {/* An icon, not the name's initial: visible text must be part of the accessible name. */}
        <span
          aria-hidden
          className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-blue-600 text-white"
        >
          <UserRound className="h-4 w-4" />
        </span>
        <span className="hidden max-w-32 truncate lg:inline" title={name}>
          {name}
        </span>
        <ChevronDown aria-hidden className="h-4 w-4 shrink-0 opacity-60" />
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="max-w-56 truncate" title={name}>
          {t("signedInAs", { name })}
        </DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <Link href="/profile" data-testid="profile-link">
            <UserRound aria-hidden className="h-4 w-4" />
            {t("profile")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("theme")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={choose}>
          {THEMES.map((th) => (
            <DropdownMenuRadioItem key={th} value={th} disabled={saving} data-testid={`theme-${th}`}>
              {t(th)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/logout" data-testid="sign-out">
            <LogOut aria-hidden className="h-4 w-4" />
            {t("signOut")}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
