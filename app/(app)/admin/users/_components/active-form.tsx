"use client";
// Deactivates (after a confirmation) or reactivates an account. Deactivation signs it out at once.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { setActiveAction } from "../actions";

export function ActiveForm({
  id,
  username,
  active,
  self,
}: {
  id: string;
  username: string;
  active: boolean;
  self: boolean;
}) {
  const t = useTranslations("AdminUsers");
  const [state, action, pending] = useActionState(setActiveAction, null);
  const [confirming, setConfirming] = useState(false);
  const status = (
    <p aria-live="polite" role="status" className="text-sm">
      {state?.ok
        ? state.data.active
          ? t("reactivated")
          : t("deactivated")
        : state && !state.ok
          ? state.error.message
          : ""}
    </p>
  );
  if (!active) {
    return (
      <form action={action} className="flex items-center gap-3">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value="true" />
        <Button type="submit" disabled={pending}>
          {t("reactivate")}
        </Button>
        {status}
      </form>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3" onSubmit={() => setConfirming(false)}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value="false" />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("deactivateHint")}</p>
      {confirming ? (
        <div role="group" aria-label={t("confirmDeactivation")} className="flex flex-wrap items-center gap-3">
          <span className="text-sm font-medium">{self ? t("deactivateSelf") : t("deactivateOther", { username })}</span>
          <Button type="submit" variant="danger" disabled={pending} autoFocus>
            {t("yesDeactivate")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <div>
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {t("deactivate")}
          </Button>
        </div>
      )}
      {status}
    </form>
  );
}
