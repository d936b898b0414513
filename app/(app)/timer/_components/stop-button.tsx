"use client";
// Stops the running timer from the timer page.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { stopTimerAction } from "../actions";

export function StopButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await stopTimerAction();
            setError(r.ok ? "" : r.error.message);
            router.refresh();
          })
        }
      >
        Stop timer
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-red-700">
        {error}
      </span>
    </span>
  );
}
