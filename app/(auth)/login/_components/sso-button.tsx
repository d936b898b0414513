"use client";
// "Sign in with <provider>": starts the OpenID Connect redirect (next-auth adds state, PKCE, nonce).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signIn } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";

export function SsoButton({ label, callbackUrl, primary }: { label: string; callbackUrl: string; primary: boolean }) {
  const t = useTranslations("Login");
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      variant={primary ? "primary" : "secondary"}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? t("redirecting") : t("ssoButton", { label })}
    </Button>
  );
}
