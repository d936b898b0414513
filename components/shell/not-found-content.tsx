// The 404 message with two ways back; inside the shell for signed-in people (app/not-found.tsx,
// app/(app)/not-found.tsx).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FileQuestion } from "lucide-react";
import { buttonClass } from "@/components/ui/button";

export async function NotFoundContent({ signedIn = true }: { signedIn?: boolean }) {
  const t = await getTranslations("NotFound");
  return (
    <section className="mx-auto flex max-w-lg flex-col items-center py-12 text-center" data-testid="not-found">
      <FileQuestion aria-hidden className="mb-4 h-12 w-12 text-slate-500 dark:text-slate-400" />
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">{t("body")}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Link href="/" className={buttonClass("primary")}>
          {t("home")}
        </Link>
        {signedIn && (
          <Link href="/entries" className={buttonClass("secondary")}>
            {t("entries")}
          </Link>
        )}
      </div>
    </section>
  );
}
