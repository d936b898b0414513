"use client";
// Ten recovery codes, shown once after they were made (only their hashes are kept): a list, a Copy
// button and a download as a text file.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("TwoFactor");
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n") + "\n";
  return (
    <div
      role="status"
      className="rounded-md border border-green-600 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950"
    >
      <p className="font-medium">{t("yourCodes")}</p>
      <p className="mt-1">{t("keepSafe")}</p>
      <ol className="mt-3 grid grid-cols-1 gap-1 font-mono sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c} className="rounded bg-white px-2 py-1 dark:bg-slate-900">
            {c}
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? t("copied") : t("copyCodes")}
        </Button>
        <Button asChild variant="secondary">
          <a
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
            download="timetracker-recovery-codes.txt"
          >
            {t("download")}
          </a>
        </Button>
        <Button type="button" onClick={onDone}>
          {t("saved")}
        </Button>
      </div>
    </div>
  );
}
