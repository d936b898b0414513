// Heading of an admin page with a way back to the admin index.
import { useTranslations } from "next-intl";
import Link from "next/link";

export function AdminHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  const t = useTranslations("Admin");
  return (
    <div className="mb-6">
      <Link href="/admin" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
        {t("back")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      {children && <p className="mt-1 text-slate-600 dark:text-slate-400">{children}</p>}
    </div>
  );
}
