// Step 1: what TimeTracker keeps on this server, and what it could send elsewhere, only if allowed.
import { useTranslations } from "next-intl";
import { DocLink } from "@/components/ui/doc-link";

export function WelcomeStep({ logFile }: { logFile: string }) {
  const t = useTranslations("Setup");
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <div className="flex flex-col gap-3 text-sm leading-6">
      <p>{t("welcomeText")}</p>
      <h3 className="font-semibold">{t("recordedHere")}</h3>
      <ul className="list-disc pl-5">
        <li>{t.rich("logs", { file: logFile, code })}</li>
        <li>{t.rich("metrics", { code })}</li>
      </ul>
      <h3 className="font-semibold">{t("sentElsewhere")}</h3>
      <ul className="list-disc pl-5">
        <li>{t("telemetryOff")}</li>
        <li>{t("analyticsAndErrors")}</li>
      </ul>
      <p>
        {t.rich("details", {
          privacy: (chunks) => <DocLink name="privacy">{chunks}</DocLink>,
          analytics: (chunks) => <DocLink name="analytics">{chunks}</DocLink>,
        })}
      </p>
    </div>
  );
}
