"use client";
// A secret shown once after it was created (an API token, a webhook signing secret): the value with
// a Copy button, and what the user must know about it. Only the creating action's answer holds it.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SecretOnce({
  title,
  secret,
  testId,
  children,
}: {
  /** What was created and that it will not be shown again. */
  title: string;
  secret: string;
  testId: string;
  children?: React.ReactNode;
}) {
  const t = useTranslations("SecretOnce");
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="rounded-md border border-green-600 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950"
    >
      <p className="font-medium">{title}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="rounded bg-white px-2 py-1 break-all dark:bg-slate-900" data-testid={testId}>
          {secret}
        </code>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      {children}
    </div>
  );
}
