"use server";
// Admin user management: create, edit, role change, deactivate/reactivate, password reset.
// Every action checks requireAdmin() itself; the last-admin rule is enforced in the service.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireAdmin } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { adminUpdateUser, changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/services/users";
import { formField } from "@/lib/validation/form";
import { ZRole } from "@/lib/validation/users";

const ZUserId = z.uuid("Unknown account.");

function done(id?: string) {
  revalidatePath("/admin/users");
  if (id) revalidatePath(`/admin/users/${id}`);
}

export async function createUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("admin.create_user", async () => {
    const admin = await requireAdmin();
    const user = await createUser({
      username: formField(form, "username"),
      email: formField(form, "email"),
      fullName: formField(form, "fullName"),
      password: formField(form, "password"),
      role: ZRole.parse(formField(form, "role") || "user"),
    });
    track("admin.user_created", { role: user.role }, { userId: admin.id });
    done();
    return { id: user.id };
  });
}

export async function updateUserAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("admin.update_user", async () => {
    const admin = await requireAdmin();
    const id = ZUserId.parse(formField(form, "id"));
    await adminUpdateUser(id, {
      username: formField(form, "username"),
      email: formField(form, "email"),
      fullName: formField(form, "fullName"),
    });
    track("admin.user_updated", {}, { userId: admin.id });
    done(id);
    return null;
  });
}

export async function changeRoleAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("admin.change_role", async () => {
    const admin = await requireAdmin();
    const id = ZUserId.parse(formField(form, "id"));
    const user = await changeUserRole(id, ZRole.parse(formField(form, "role")));
    track("admin.user_role_changed", { new_role: user.role }, { userId: admin.id });
    done(id);
    return null;
  });
}

export async function setActiveAction(_prev: unknown, form: FormData): Promise<ActionResult<{ active: boolean }>> {
  return runAction("admin.set_user_active", async () => {
    const admin = await requireAdmin();
    const id = ZUserId.parse(formField(form, "id"));
    const user = await setUserActive(id, formField(form, "active") === "true");
    track("admin.user_deactivated", { active: user.active }, { userId: admin.id });
    done(id);
    return { active: user.active };
  });
}

export async function resetPasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("admin.reset_password", async () => {
    const admin = await requireAdmin();
    const id = ZUserId.parse(formField(form, "id"));
    await resetUserPassword(id, {
      newPassword: formField(form, "newPassword"),
      confirmPassword: formField(form, "confirmPassword"),
    });
    track("admin.user_updated", {}, { userId: admin.id });
    done(id);
    return null;
  });
}
