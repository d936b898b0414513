// A link to one of the docs this installation serves at /docs/<name> (opens in a new tab, so a
// half-filled form is not lost).
import Link from "next/link";
import { useTranslations } from "next-intl";

export function DocLink({ name, children }: { name: string; children: React.ReactNode }) {
  const t = useTranslations("DocLink");
  return (
    <Link
      href={`/docs/${name}`}
      prefetch={false}
      target="_blank"
      rel="noopener"
      className="text-blue-700 underline dark:text-blue-400"
    >
      {children}
      <span className="sr-only">{t("newTab")}</span>
    </Link>
  );
}
