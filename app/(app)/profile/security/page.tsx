// Profile → two-factor sign-in: set up an authenticator app, see how many recovery codes are left,
// make new ones, or turn it off. Also where the organization's policy sends people who must enrol.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { userOrRedirect } from "@/lib/auth/session";
import { enforceTwoFactorPolicy } from "@/lib/auth/two-factor-gate";
import { getTwoFactorStatus } from "@/lib/services/two-factor";
import { EnrolTwoFactor } from "./_components/enrol-two-factor";
import { DisableTwoFactor, RegenerateRecoveryCodes } from "./_components/manage-two-factor";

export async function generateMetadata() {
  return { title: (await getTranslations("TwoFactor"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await userOrRedirect();
  const [status, requirement, t] = await Promise.all([
    getTwoFactorStatus(user),
    enforceTwoFactorPolicy(user, "/profile/security"),
    getTranslations("TwoFactor"),
  ]);
  return (
    <section aria-labelledby="security-h" className="flex max-w-2xl flex-col gap-6">
      <div>
        <Link href="/profile" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
        <h1 id="security-h" className="mt-1 mb-1 text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      {requirement.required && (
        <p
          role="status"
          className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {requirement.overdue ? t("requiredOverdue") : t("requiredGrace")}{" "}
          <Link href="/logout" className="underline">
            {t("signOut")}
          </Link>
        </p>
      )}
      {status.enabled ? (
        <>
          <p
            role="status"
            className="rounded-md bg-green-50 p-3 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
          >
            {t.rich("enabled", {
              strong: (chunks) => <strong>{chunks}</strong>,
              left: String(status.recoveryCodesLeft),
            })}
          </p>
          <section aria-labelledby="codes-h">
            <h2 id="codes-h" className="mb-1 text-lg font-semibold">
              {t("codesTitle")}
            </h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("codesHint")}</p>
            <RegenerateRecoveryCodes />
          </section>
          <section aria-labelledby="disable-h">
            <h2 id="disable-h" className="mb-1 text-lg font-semibold">
              {t("disableTitle")}
            </h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("disableHint")}</p>

            <DisableTwoFactor />
          </section>
        </>
      ) : (
        <EnrolTwoFactor />
      )}
    </section>
  );
}
