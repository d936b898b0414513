"use client";
// The wizard's steps in one client component: each "Continue" is checked by the server before the
// next step opens; "Finish" re-checks everything, completes setup, then signs the new admin in.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { OrgFields, type OrgValues } from "@/components/settings/org-fields";
import { FieldErrorsProvider } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { completeSetupAction, validateSetupStepAction } from "../actions";
import { AdminStep } from "./admin-step";
import { PrivacyStep } from "./privacy-step";
import { WelcomeStep } from "./welcome-step";

// Each step's label is the catalog's "Setup.<id>".
const STEPS = [
  { id: "welcome", fields: [] },
  { id: "admin", fields: ["username", "email", "fullName", "password", "confirmPassword"] },
  { id: "organization", fields: ["name", "timezone", "currency", "weekStart", "roundingMinutes", "roundingMode"] },
  { id: "privacy", fields: ["telemetry", "productAnalytics"] },
  { id: "done", fields: [] },
] as const;

export interface WizardProps {
  payload: string;
  posthogConfigured: boolean;
  teleUrlConfigured: boolean;
  passwordRule: string;
  zones: string[];
  logFile: string;
}

const INITIAL: Record<string, string> = {
  name: "",
  timezone: "UTC",
  currency: "EUR",
  weekStart: "1",
  roundingMinutes: "0",
  roundingMode: "nearest",
};

export function SetupWizard(props: WizardProps) {
  const t = useTranslations("Setup");
  const [index, setIndex] = useState(0);
  const [values, setValues] = useState(INITIAL);
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState("");
  const [conflict, setConflict] = useState(false);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  const step = STEPS[index];

  useEffect(() => {
    if (index > 0) heading.current?.focus();
  }, [index]);

  function go(i: number) {
    setErrors(undefined);
    setMessage("");
    setIndex(i);
  }

  function fail(res: Extract<ActionResult<unknown>, { ok: false }>) {
    setConflict(res.error.code === "CONFLICT" && !res.fieldErrors);
    setMessage(res.error.message);
    setErrors(res.fieldErrors);
    // An error found on the final submit belongs to an earlier step: go back to it.
    const keys = Object.keys(res.fieldErrors ?? {});
    const at = STEPS.findIndex((s) => s.fields.some((f) => keys.includes(f)));
    if (at >= 0 && at !== index) setIndex(at);
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const merged = { ...values };
    for (const f of step.fields) merged[f] = String(form.get(f) ?? "");
    setValues(merged);
    if (step.id === "welcome") {
      // The browser's time zone is the organization's default.
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (tz && merged.timezone === INITIAL.timezone) setValues({ ...merged, timezone: tz });
      return go(1);
    }
    setPending(true);
    try {
      if (step.id !== "privacy") {
        form.set("step", step.id);
        const res = await validateSetupStepAction(null, form);
        if (res.ok) go(index + 1);
        else fail(res);
        return;
      }
      const all = new FormData();
      for (const [k, v] of Object.entries(merged)) all.set(k, v);
      const res = await completeSetupAction(null, all);
      if (!res.ok) return fail(res);
      go(STEPS.length - 1);
      const signedIn = await signIn("credentials", {
        login: res.data.username,
        password: merged.password,
        redirect: false,
      });
      if (signedIn?.ok && !signedIn.error) {
        router.replace("/");
        router.refresh();
      } else setMessage(t("signInFailed"));
    } catch {
      setMessage(t("unreachable"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <ol aria-label={t("steps")} className="mb-6 flex flex-wrap gap-2 text-sm">
        {STEPS.map((s, i) => (
          <li
            key={s.id}
            aria-current={i === index ? "step" : undefined}
            className={`rounded-full px-3 py-1 ${i === index ? "bg-blue-600 text-white" : i < index ? "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100" : "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}
          >
            {t("step", { number: String(i + 1), label: t(s.id) })}
          </li>
        ))}
      </ol>
      <section
        aria-labelledby="step-heading"
        className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="step-heading" ref={heading} tabIndex={-1} className="mb-4 text-xl font-semibold outline-none">
          {step.id === "done" ? t("allSet") : t(step.id)}
        </h2>
        {step.id === "done" ? (
          <p role="status">
            {message || t("signingIn")}{" "}
            {message && (
              <Link className="text-blue-700 underline dark:text-blue-400" href="/login">
                {t("signIn")}
              </Link>
            )}
          </p>
        ) : (
          <FieldErrorsProvider errors={errors}>
            <form key={step.id} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
              {step.id === "welcome" && <WelcomeStep logFile={props.logFile} />}
              {step.id === "admin" && <AdminStep values={values} passwordRule={props.passwordRule} />}
              {step.id === "organization" && <OrgFields values={values as unknown as OrgValues} zones={props.zones} />}
              {step.id === "privacy" && (
                <PrivacyStep
                  values={values}
                  payload={props.payload}
                  posthogConfigured={props.posthogConfigured}
                  teleUrlConfigured={props.teleUrlConfigured}
                />
              )}
              <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400">
                {message}
                {conflict && (
                  <>
                    {" "}
                    <Link className="underline" href="/login">
                      {t("goToSignIn")}
                    </Link>
                  </>
                )}
              </p>
              <div className="flex gap-3">
                {index > 0 && (
                  <Button type="button" variant="secondary" onClick={() => go(index - 1)} disabled={pending}>
                    {t("back")}
                  </Button>
                )}
                <Button type="submit" disabled={pending}>
                  {pending
                    ? t("checking")
                    : step.id === "privacy"
                      ? t("finish")
                      : step.id === "welcome"
                        ? t("getStarted")
                        : t("continue")}
                </Button>
              </div>
            </form>
          </FieldErrorsProvider>
        )}
      </section>
    </div>
  );
}
