// Sign-in page. Before setup → the wizard; already signed in → straight to the dashboard.
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loginErrorKey } from "@/lib/auth/login-messages";
import { optionalUser } from "@/lib/auth/session";
import { ssoConfig } from "@/lib/auth/sso";
import { env } from "@/lib/env";
import { publicOrigin, safeCallbackPath } from "@/lib/security/public-origin";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { getOrgSettings } from "@/lib/services/settings";
import { LoginForm } from "./_components/login-form";
import { SsoButton } from "./_components/sso-button";

export async function generateMetadata() {
  return { title: (await getTranslations("Login"))("title") };
}
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await redirectUntilSetup("/login");
  if (await optionalUser()) redirect("/");
  const sp = await searchParams;
  const { selfRegistration, ssoOnly } = await getOrgSettings();
  const sso = ssoConfig();
  // "SSO only" hides the password form; OIDC_EMERGENCY_PASSWORD_LOGIN lets /login?password=1 show it.
  const showPassword = !sso || !ssoOnly || (sp.password === "1" && sso.emergencyPasswordLogin);
  // Only a target on our own origin: never an open redirect.
  const callbackUrl = safeCallbackPath(sp.callbackUrl, publicOrigin(await headers(), env().NEXTAUTH_URL));
  const [t, tc, te] = await Promise.all([
    getTranslations("Login"),
    getTranslations("Common"),
    getTranslations("LoginErrors"),
  ]);
  const notice =
    sp.notice === "password-changed"
      ? t("noticePasswordChanged")
      : sp.notice === "signed-out"
        ? t("noticeSignedOut")
        : sp.notice === "signed-out-everywhere"
          ? t("noticeSignedOutEverywhere")
          : "";
  const errorKey = loginErrorKey(sp.error);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold text-blue-700 dark:text-blue-400">{tc("appName")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      {notice && (
        <p
          role="status"
          className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
        >
          {notice}
        </p>
      )}
      {sso && (
        <div className="mb-4 flex flex-col">
          <SsoButton label={sso.label} callbackUrl={callbackUrl} primary={!showPassword} />
        </div>
      )}
      {showPassword ? (
        <LoginForm callbackUrl={callbackUrl} initialError={sp.error} />
      ) : (
        <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400">
          {errorKey ? te(errorKey) : ""}
        </p>
      )}
      <p className={showPassword ? "mt-4 text-sm" : "hidden"}>
        <Link href="/forgot-password" className="text-blue-700 underline dark:text-blue-400">
          {t("forgot")}
        </Link>
        {selfRegistration && (
          <>
            {" · "}
            <Link href="/signup" className="text-blue-700 underline dark:text-blue-400">
              {t("createAccount")}
            </Link>
          </>
        )}
      </p>
    </main>
  );
}
