"use server";
// Admin user management: create, edit, role change, deactivate/reactivate, password reset.
// Administrators only; the services authorize again and enforce the last-admin rule.
import { defineAction, type Revalidation } from "@/lib/action";
import { adminUpdateUser, changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/services/users";
import { ZAdminUpdateUser, ZChangeRole, ZCreateUser, ZResetPassword, ZSetActive } from "@/lib/validation/users";

const LIST: Revalidation[] = ["/admin/users"];
// The list and every account page (the one changed is among them).
const ACCOUNT: Revalidation[] = [["/admin/users", "layout"]];

export const createUserAction = defineAction({
  name: "admin.create_user",
  access: "admin",
  from: "form",
  input: ZCreateUser,
  run: async (actor, input) => ({ id: (await createUser(actor, input)).id }),
  revalidate: LIST,
});

export const updateUserAction = defineAction({
  name: "admin.update_user",
  access: "admin",
  from: "form",
  input: ZAdminUpdateUser,
  run: async (actor, input) => void (await adminUpdateUser(actor, input)),
  revalidate: ACCOUNT,
});

export const changeRoleAction = defineAction({
  name: "admin.change_role",
  access: "admin",
  from: "form",
  input: ZChangeRole,
  run: async (actor, input) => void (await changeUserRole(actor, input)),
  revalidate: ACCOUNT,
});

export const setActiveAction = defineAction({
  name: "admin.set_user_active",
  access: "admin",
  from: "form",
  input: ZSetActive,
  run: async (actor, input) => ({ active: (await setUserActive(actor, input)).active }),
  revalidate: ACCOUNT,
});

export const resetPasswordAction = defineAction({
  name: "admin.reset_password",
  access: "admin",
  from: "form",
  input: ZResetPassword,
  run: (actor, input) => resetUserPassword(actor, input),
  revalidate: ACCOUNT,
});
