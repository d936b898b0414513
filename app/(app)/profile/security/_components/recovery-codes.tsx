"use client";
// Ten recovery codes, shown once after they were made (only their hashes are kept): a list, a Copy
// button and a download as a text file.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n") + "\n";
  return (
    <div
      role="status"
      className="rounded-md border border-green-600 bg-green-50 p-4 text-sm dark:border-green-800 dark:bg-green-950"
    >
      <p className="font-medium">Your recovery codes</p>
      <p className="mt-1">
        Keep them somewhere safe, away from your phone. Each code signs you in once if you lose your authenticator. They
        are not shown again.
      </p>
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
          {copied ? "Copied" : "Copy codes"}
        </Button>
        <Button asChild variant="secondary">
          <a
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
            download="timetracker-recovery-codes.txt"
          >
            Download
          </a>
        </Button>
        <Button type="button" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}
