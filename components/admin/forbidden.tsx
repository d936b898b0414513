// What a non-admin sees on an admin page: a plain 403-style refusal.
import { useTranslations } from "next-intl";
import Link from "next/link";

export function Forbidden() {
  const t = useTranslations("Admin");
  return (
    <section role="alert" data-testid="forbidden">
      <h1 className="mb-2 text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mb-4">{t("forbiddenText")}</p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        {t("forbiddenBack")}
      </Link>
    </section>
  );
}
