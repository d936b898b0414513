"use client";
// "Create project …" from the picker: the typed name, and a client (an existing one, or a new
// client's name when there is none yet). The new project is chosen for the timer at once.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { QuickProject, TimerActions, TimerOptions } from "./timer-types";

const INPUT =
  "mt-1 h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900";

export function QuickProjectDialog({
  name,
  clients,
  create,
  onCreated,
  onClose,
}: {
  /** The typed name; null: closed. */
  name: string | null;
  clients: TimerOptions["clients"];
  create: TimerActions["createProject"];
  onCreated: (p: QuickProject) => void;
  onClose: () => void;
}) {
  const t = useTranslations("Timer");
  const tc = useTranslations("Common");
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const submit = (form: FormData) =>
    start(async () => {
      const r = await create({
        name: String(form.get("name") ?? ""),
        clientId: String(form.get("clientId") ?? "") || null,
        clientName: String(form.get("clientName") ?? ""),
      });
      if (!r.ok) return setError(Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error.message);
      setError("");
      onCreated(r.data);
    });
  return (
    <Dialog open={name !== null} onOpenChange={(o) => !o && onClose()}>
      <DialogContent title={t("newProjectTitle")} closeLabel={tc("close")}>
        <form action={submit} className="flex flex-col gap-3" data-testid="quick-project-form">
          <label className="text-sm font-medium">
            {t("newProjectName")}
            <input name="name" required defaultValue={name ?? ""} className={INPUT} maxLength={120} />
          </label>
          {clients.length ? (
            <label className="text-sm font-medium">
              {t("newProjectClient")}
              <select name="clientId" required className={INPUT} defaultValue={clients[0].id}>
                {clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label className="text-sm font-medium">
              {t("newClientName")}
              <input name="clientName" required className={INPUT} maxLength={120} />
              <span className="mt-1 block text-xs font-normal text-slate-600 dark:text-slate-400">
                {t("newClientHint")}
              </span>
            </label>
          )}
          <p role="alert" className="min-h-5 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {t("createProjectSubmit")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
