"use client";
// Shown when a signed-in page fails (e.g. the database is unreachable). Never shows internals.
import { Button } from "@/components/ui/button";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950"
    >
      <h1 className="mb-2 text-xl font-semibold">This page could not be loaded</h1>
      <p className="mb-4 text-sm">
        TimeTracker could not reach its database or hit an unexpected problem. Your data is safe. Try again in a moment;
        if it keeps happening, tell your administrator
        {error.digest ? (
          <>
            {" "}
            and quote reference <code>{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button type="button" onClick={reset}>
        Try again
      </Button>
    </section>
  );
}
