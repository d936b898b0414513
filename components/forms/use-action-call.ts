"use client";
// A server action called from a button, a select or a cell rather than a form (stop the timer, move
// a task, add typed hours): pending state, the outcome as a message for an aria-live region, and a
// refresh of the server components afterwards (the header timer, the totals).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

export function useActionCall() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState("");
  /** Runs the action; on success the message is okMessage's (none by default), else the error's. */
  const call = <T>(run: () => Promise<ActionResult<T>>, okMessage: (data: T) => string = () => "") =>
    start(async () => {
      const r = await run();
      setMessage(r.ok ? okMessage(r.data) : r.error.message);
      router.refresh();
    });
  return { pending, message, setMessage, call };
}
