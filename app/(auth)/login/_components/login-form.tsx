"use client";
// Username-or-email + password form; for an account with two-factor sign-in, a second screen asks
// for the authenticator's code (or a recovery code) with the ticket the password step returned.
// Errors are announced; the typed login stays in the field.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signIn } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { loginErrorKey } from "@/lib/auth/login-messages";

const TICKET_PREFIX = "TWO_FACTOR_REQUIRED:";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("Login");
  const te = useTranslations("LoginErrors");
  const loginErrorMessage = (code: string | undefined) => {
    const key = loginErrorKey(code);
    return key ? te(key) : "";
  };
  const [error, setError] = useState(initialError?.startsWith(TICKET_PREFIX) ? "" : loginErrorMessage(initialError));
  const [pending, setPending] = useState(false);
  const [login, setLogin] = useState("");
  const [ticket, setTicket] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);

  async function submit(credentials: Record<string, string>) {
    setPending(true);
    setError("");
    try {
      const res = await signIn("credentials", { ...credentials, redirect: false });
      if (res?.ok && !res.error) {
        window.location.assign(callbackUrl);
        return;
      }
      const code = res?.error ?? "UNKNOWN";
      if (code.startsWith(TICKET_PREFIX)) {
        setTicket(code.slice(TICKET_PREFIX.length));
      } else {
        if (code === "TWO_FACTOR_EXPIRED") setTicket(null);
        setError(loginErrorMessage(code));
      }
    } catch {
      setError(t("unreachable"));
    }
    setPending(false);
  }

  function onPassword(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setLogin(String(form.get("login") ?? ""));
    void submit({ login: String(form.get("login") ?? ""), password: String(form.get("password") ?? "") });
  }

  function onCode(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void submit({ ticket: ticket ?? "", code: String(form.get("code") ?? "") });
  }

  const errorLine = (
    <p id="signin-error" role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400">
      {error}
    </p>
  );

  if (ticket) {
    return (
      <form onSubmit={onCode} className="flex flex-col gap-4" aria-describedby="signin-error">
        <h2 className="text-lg font-semibold">{t("twoFactorTitle")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{recovery ? t("enterRecovery") : t("enterCode")}</p>
        <TextField
          key={recovery ? "recovery" : "totp"}
          label={recovery ? t("recoveryCode") : t("authCode")}
          name="code"
          required
          autoFocus
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          spellCheck={false}
          maxLength={40}
        />
        {errorLine}
        <Button type="submit" disabled={pending}>
          {pending ? t("checking") : t("verify")}
        </Button>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <button
            type="button"
            className="text-blue-700 underline dark:text-blue-400"
            onClick={() => {
              setRecovery(!recovery);
              setError("");
            }}
          >
            {recovery ? t("useApp") : t("useRecovery")}
          </button>
          <button
            type="button"
            className="text-blue-700 underline dark:text-blue-400"
            onClick={() => {
              setTicket(null);
              setError("");
            }}
          >
            {t("back")}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={onPassword} className="flex flex-col gap-4" aria-describedby="signin-error">
      <TextField label={t("login")} name="login" required autoComplete="username" autoFocus defaultValue={login} />
      <TextField label={t("password")} name="password" type="password" required autoComplete="current-password" />
      {errorLine}
      <Button type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
