// What is and is not collected, in plain words, with links to the full documents.
import { useTranslations } from "next-intl";
import { DocLink } from "@/components/ui/doc-link";

export function CollectedLists() {
  const t = useTranslations("AdminTelemetry");
  return (
    <section aria-labelledby="collected-h" className="mb-10 text-sm leading-6">
      <h2 id="collected-h" className="mb-4 text-xl font-semibold">
        {t("collected")}
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-1 font-semibold">{t("collectedTitle")}</h3>
          <ul className="list-disc pl-5">
            <li>{t("collected1")}</li>
            <li>{t("collected2")}</li>
            <li>{t("collected3")}</li>
            <li>{t("collected4")}</li>
          </ul>
        </div>
        <div>
          <h3 className="mb-1 font-semibold">{t("neverTitle")}</h3>
          <ul className="list-disc pl-5">
            <li>{t("never1")}</li>
            <li>{t("never2")}</li>
            <li>{t("never3")}</li>
          </ul>
        </div>
      </div>
      <p className="mt-4">
        {t.rich("readMore", {
          analytics: (chunks) => <DocLink name="analytics">{chunks}</DocLink>,
          events: (chunks) => <DocLink name="events">{chunks}</DocLink>,
          privacy: (chunks) => <DocLink name="privacy">{chunks}</DocLink>,
        })}
      </p>
    </section>
  );
}
