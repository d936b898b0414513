// First-run installation wizard (outside the signed-in shell). After setup: straight to the dashboard.
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { isSetupComplete } from "@/lib/services/installation";
import { previewTelemetryPayload } from "@/lib/services/telemetry";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { SetupWizard } from "./_components/setup-wizard";

export const metadata = { title: "Set up TimeTracker" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await isSetupComplete()) redirect("/");
  const e = env();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="mb-1 text-2xl font-bold text-blue-700 dark:text-blue-400">Set up TimeTracker</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">
        A few questions, once. You can change every answer later in Admin.
      </p>
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
