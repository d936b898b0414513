// Step 4: the opt-ins, both unchecked, with the exact telemetry payload shown verbatim.
import { useTranslations } from "next-intl";
import { DocLink } from "@/components/ui/doc-link";

export function PrivacyStep({
  values,
  payload,
  posthogConfigured,
  teleUrlConfigured,
}: {
  values: Record<string, string>;
  payload: string;
  posthogConfigured: boolean;
  teleUrlConfigured: boolean;
}) {
  const t = useTranslations("Setup");
  return (
    <div className="flex flex-col gap-4 text-sm leading-6">
      <div>
        <label className="flex items-start gap-2 font-medium">
          <input
            type="checkbox"
            name="telemetry"
            defaultChecked={values.telemetry === "on"}
            aria-describedby="telemetry-desc"
            className="mt-1"
          />
          {t("telemetry")}
        </label>
        <div id="telemetry-desc" className="mt-2 pl-6">
          <p>{t("telemetryText")}</p>
          <pre
            data-testid="telemetry-payload"
            className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800"
          >
            {payload}
          </pre>
          <p className="mt-2">
            {t("fingerprint")}
            {!teleUrlConfigured && t("noTeleUrl")}
          </p>
        </div>
      </div>
      {posthogConfigured && (
        <div>
          <label className="flex items-start gap-2 font-medium">
            <input
              type="checkbox"
              name="productAnalytics"
              defaultChecked={values.productAnalytics === "on"}
              aria-describedby="pa-desc"
              className="mt-1"
            />
            {t("analytics")}
          </label>
          <p id="pa-desc" className="mt-2 pl-6">
            {t("analyticsText")}
          </p>
        </div>
      )}
      <p>
        {t.rich("readMore", {
          privacy: (chunks) => <DocLink name="privacy">{chunks}</DocLink>,
          analytics: (chunks) => <DocLink name="analytics">{chunks}</DocLink>,
          events: (chunks) => <DocLink name="events">{chunks}</DocLink>,
        })}
      </p>
    </div>
  );
}
