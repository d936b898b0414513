"use client";
// Shown inside the shell when a signed-in page fails (e.g. the database is unreachable): what
// happened in plain words, a retry and a way back. Never shows internals.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <section
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950"
    >
      <h1 className="mb-2 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-2 text-sm">{t("body")}</p>
      {error.digest && (
        <p className="mb-4 text-sm">{t.rich("reference", { digest: error.digest, code: (c) => <code>{c}</code> })}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
        <Link href="/" className={buttonClass("secondary")}>
          {t("home")}
        </Link>
      </div>
    </section>
  );
}
