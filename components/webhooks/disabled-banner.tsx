// Shown on every signed-in page while an endpoint the user manages was disabled for failing.
import { useTranslations } from "next-intl";
import Link from "next/link";

export function WebhooksDisabledBanner({ own, organization }: { own: number; organization: number }) {
  const t = useTranslations("Webhooks");
  if (!own && !organization) return null;
  const href = own ? "/profile/webhooks" : "/admin/webhooks";
  const n = own + organization;
  return (
    <div
      role="alert"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {t("disabledBanner", { count: n })}{" "}
      <Link href={href} className="font-medium underline">
        {t("review")}
      </Link>
    </div>
  );
}
