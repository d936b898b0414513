// Manage one account: details, role, active state and password. Administrators only.
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ResetLinkButton } from "@/components/auth/reset-link-button";
import { adminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ADMIN_RESET_TTL_MINUTES } from "@/lib/services/password-reset";
import { userHasTwoFactor } from "@/lib/services/two-factor-admin";
import { getUser } from "@/lib/services/users";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { ActiveForm } from "../_components/active-form";
import { EditUserForm } from "../_components/edit-user-form";
import { ResetPasswordForm } from "../_components/reset-password-form";
import { RoleForm } from "../_components/role-form";
import { ActionButton } from "@/components/forms/action-button";
import { createResetLinkAction, resetTwoFactorAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminUsers"))("manageTitle") };
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await adminOrForbidden();
  const { id } = await params;
  const user = await getUser(me, { id }).catch((err: unknown) => {
    // A malformed id or a missing account: the same 404.
    if (err instanceof ZodError || (err instanceof AppError && err.code === "NOT_FOUND")) notFound();
    throw err;
  });
  const self = user.id === me.id;
  const [twoFactor, t, ta] = await Promise.all([
    userHasTwoFactor(me, { id: user.id }),
    getTranslations("AdminUsers"),
    getTranslations("Admin"),
  ]);
  return (
    <>
      <AdminHeading title={t("accountTitle", { username: user.username })}>
        {t("active", { active: String(user.active) })} · {ta("role", { role: user.role })}
        {self && t("thisIsYou")}
      </AdminHeading>
      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="details-h">
          <h2 id="details-h" className="mb-4 text-xl font-semibold">
            {t("details")}
          </h2>
          <EditUserForm user={{ id: user.id, username: user.username, email: user.email, fullName: user.fullName }} />
        </section>
        <div className="flex flex-col gap-10">
          <section aria-labelledby="role-h">
            <h2 id="role-h" className="mb-4 text-xl font-semibold">
              {t("role")}
            </h2>
            <RoleForm id={user.id} role={user.role} />
          </section>
          <section aria-labelledby="active-h">
            <h2 id="active-h" className="mb-4 text-xl font-semibold">
              {t("access")}
            </h2>
            <ActiveForm id={user.id} username={user.username} active={user.active} self={self} />
          </section>
          <section aria-labelledby="reset-h">
            <h2 id="reset-h" className="mb-4 text-xl font-semibold">
              {t("resetPassword")}
            </h2>
            <ResetPasswordForm id={user.id} rule={PASSWORD_RULE} />
            <div className="mt-6">
              <ResetLinkButton action={createResetLinkAction} id={user.id} hours={ADMIN_RESET_TTL_MINUTES / 60} />
            </div>
          </section>
          <section aria-labelledby="two-factor-h">
            <h2 id="two-factor-h" className="mb-2 text-xl font-semibold">
              {t("twoFactor")}
            </h2>
            {twoFactor ? (
              <>
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("twoFactorOn")}</p>
                <ActionButton
                  action={resetTwoFactorAction}
                  fields={{ id: user.id }}
                  label={t("resetTwoFactor")}
                  confirm={t("resetTwoFactorConfirm")}
                  variant="danger"
                />
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">{t("twoFactorOff")}</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
