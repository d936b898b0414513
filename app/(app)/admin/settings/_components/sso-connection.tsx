"use client";
// "Test the connection": fetches the configured provider's discovery document and key set and
// shows what it found, or what went wrong. The outcome is announced.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import type { SsoConnectionResult } from "@/lib/services/sso-admin";

type TestAction = (prev: unknown, form: FormData) => Promise<ActionResult<SsoConnectionResult>>;

export function SsoConnectionTest({ action }: { action: TestAction }) {
  const t = useTranslations("AdminSettings");
  const [state, run, pending] = useActionState(action, null);
  const r = state?.ok ? state.data : null;
  return (
    <form action={run} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("testing") : t("test")}
      </Button>
      <div role="status" aria-live="polite" className="min-h-5 w-full text-sm">
        {state && !state.ok && <p className="text-red-700 dark:text-red-400">{state.error.message}</p>}
        {r && !r.ok && (
          <p className="text-red-700 dark:text-red-400">{t("connectionFailed", { problem: r.problem ?? "" })}</p>
        )}
        {r?.ok && (
          <>
            <p className="mb-2 text-green-800 dark:text-green-300">
              {t("connected", { ms: String(r.durationMs), keys: r.keys ?? 0 })}
            </p>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              {(
                [
                  [t("issuer"), r.issuer],
                  [t("authorizationEndpoint"), r.authorizationEndpoint],
                  [t("tokenEndpoint"), r.tokenEndpoint],
                  [t("userinfoEndpoint"), r.userinfoEndpoint],
                  [t("jwks"), r.jwksUri],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-medium">{k}</dt>
                  <dd className="break-all text-slate-700 dark:text-slate-300">{v ?? "—"}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
    </form>
  );
}
