// Manage one account: details, role, active state and password. Administrators only.
import { notFound } from "next/navigation";
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

export const metadata = { title: "Manage account" };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await adminOrForbidden();
  const { id } = await params;
  const user = await getUser(me, { id }).catch((err: unknown) => {
    // A malformed id or a missing account: the same 404.
    if (err instanceof ZodError || (err instanceof AppError && err.code === "NOT_FOUND")) notFound();
    throw err;
  });
  const self = user.id === me.id;
  const twoFactor = await userHasTwoFactor(me, { id: user.id });
  return (
    <>
      <AdminHeading title={`Account: ${user.username}`}>
        {user.active ? "Active" : "Deactivated"} · {user.role === "admin" ? "Administrator" : "User"}
        {self && " · this is you"}
      </AdminHeading>
      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="details-h">
          <h2 id="details-h" className="mb-4 text-xl font-semibold">
            Details
          </h2>
          <EditUserForm user={{ id: user.id, username: user.username, email: user.email, fullName: user.fullName }} />
        </section>
        <div className="flex flex-col gap-10">
          <section aria-labelledby="role-h">
            <h2 id="role-h" className="mb-4 text-xl font-semibold">
              Role
            </h2>
            <RoleForm id={user.id} role={user.role} />
          </section>
          <section aria-labelledby="active-h">
            <h2 id="active-h" className="mb-4 text-xl font-semibold">
              Access
            </h2>
            <ActiveForm id={user.id} username={user.username} active={user.active} self={self} />
          </section>
          <section aria-labelledby="reset-h">
            <h2 id="reset-h" className="mb-4 text-xl font-semibold">
              Reset password
            </h2>
            <ResetPasswordForm id={user.id} rule={PASSWORD_RULE} />
            <div className="mt-6">
              <ResetLinkButton action={createResetLinkAction} id={user.id} hours={ADMIN_RESET_TTL_MINUTES / 60} />
            </div>
          </section>
          <section aria-labelledby="two-factor-h">
            <h2 id="two-factor-h" className="mb-2 text-xl font-semibold">
              Two-factor sign-in
            </h2>
            {twoFactor ? (
              <>
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
                  On. If this person lost their authenticator and their recovery codes, reset it: they then sign in with
                  the password alone and can set it up again.
                </p>
                <ActionButton
                  action={resetTwoFactorAction}
                  fields={{ id: user.id }}
                  label="Reset two-factor sign-in"
                  confirm="Remove this account's authenticator and recovery codes?"
                  variant="danger"
                />
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">Off for this account.</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
