"use client";
// The invitation (or sign-up) link's form: the address is fixed; the person picks the rest.
import { useTranslations } from "next-intl";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { AccountFields } from "./account-fields";

export function AcceptInvitationForm({ action, token, rule }: { action: FormAction; token: string; rule: string }) {
  const t = useTranslations("Auth");
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-4"
      submitLabel={t("createAccount")}
      pendingLabel={t("creating")}
    >
      <input type="hidden" name="token" value={token} />
      <AccountFields rule={rule} />
    </ActionForm>
  );
}
