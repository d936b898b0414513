// First-run installation wizard (outside the signed-in shell). After setup: straight to the dashboard.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { isSetupComplete } from "@/lib/services/installation";
import { previewTelemetryPayload } from "@/lib/services/telemetry";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { SetupWizard } from "./_components/setup-wizard";

export async function generateMetadata() {
  return { title: (await getTranslations("Setup"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await isSetupComplete()) redirect("/");
  const e = env();
  const t = await getTranslations("Setup");
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="mb-1 text-2xl font-bold text-blue-700 dark:text-blue-400">{t("title")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">{t("intro")}</p>

      <SetupWizard
        payload={await previewTelemetryPayload(null)}
        posthogConfigured={Boolean(e.POSTHOG_API_KEY)}
        teleUrlConfigured={Boolean(e.TELE_URL)}
        passwordRule={PASSWORD_RULE}
        zones={Intl.supportedValuesOf("timeZone")}
        logFile={e.logFilePath}
      />
    </main>
  );
}
