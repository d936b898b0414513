"use server";
// Profile: name, email, time zone, theme, and password change, for the signed-in user only.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { changePassword, setTheme, updateProfile } from "@/lib/services/users";
import { ZTheme } from "@/lib/validation/users";

export async function updateProfileAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("profile.update", async () => {
    const user = await requireUser();
    await updateProfile(user.id, {
      fullName: String(form.get("fullName") ?? ""),
      email: String(form.get("email") ?? ""),
      timezone: String(form.get("timezone") ?? ""),
      theme: String(form.get("theme") ?? "system") as "system",
    });
    revalidatePath("/", "layout");
    return null;
  });
}

export async function changePasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("profile.change_password", async () => {
    const user = await requireUser();
    await changePassword(user.id, {
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
      confirmPassword: form.get("confirmPassword"),
    });
    return null;
  });
}

export async function setThemeAction(theme: "light" | "dark" | "system"): Promise<ActionResult<null>> {
  return runAction("profile.set_theme", async () => {
    const user = await requireUser();
    await setTheme(user.id, ZTheme.parse(theme));
    revalidatePath("/", "layout");
    return null;
  });
}
