"use client";
// Last-resort error page when the root layout itself fails: reports to Sentry (when started) and
// offers a retry. It replaces the root layout, so it renders its own html/body. Its few words stay
// written here: the layout it replaces holds NextIntlClientProvider, so useTranslations would throw
// and leave a blank page exactly when something already failed.
import { useEffect } from "react";
import { captureBrowserError } from "@/lib/observability/browser";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    captureBrowserError(error);
  }, [error]);
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main role="alert">
          <h1>Something went wrong</h1>
          <p>The page could not be shown. {error.digest ? `Reference: ${error.digest}.` : ""}</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
