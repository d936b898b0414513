"use client";
// Ends the session (next-auth clears the cookie) and returns to the login page.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";

export function LogoutButton() {
  const t = useTranslations("Logout");
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      autoFocus
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login?notice=signed-out" });
      }}
    >
      {pending ? t("signingOut") : t("signOut")}
    </Button>
  );
}
