"use client";
// "Sign out everywhere": ends every session of the account on the server (other browsers, copied
// cookies), then clears this browser's cookie and returns to the login page.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
  const t = useTranslations("Profile");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  async function onClick() {
    setPending(true);
    setError("");
    const res = await signOutEverywhereAction({}).catch(() => null);
    if (res?.ok) {
      await signOut({ callbackUrl: "/login?notice=signed-out-everywhere" });
      return;
    }
    setError(res && !res.ok ? res.error.message : t("unreachable"));
    setPending(false);
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("signOutEverywhereHint")}</p>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => void onClick()}>
        {pending ? t("signingOut") : t("signOutEverywhere")}
      </Button>
      <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    </div>
  );
}
