"use client";
// A generated link shown read-only with a Copy button (clipboard, with the text selected as a fallback).
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useTranslations("CopyLink");
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    ref.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (plain http): the text is selected for Ctrl+C.
      setCopied(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <label className="text-sm font-medium" htmlFor="copy-link">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id="copy-link"
          ref={ref}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
        />
        <Button type="button" variant="secondary" className="px-3 py-1" onClick={() => void copy()}>
          {t("copy")}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-xs text-slate-600 dark:text-slate-400">
        {copied ? t("copied") : ""}
      </p>
    </div>
  );
}
