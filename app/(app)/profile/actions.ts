"use server";
// Profile: name, email, time zone, theme, password change and "sign out everywhere", for the
// signed-in user only.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { revokeAllSessions } from "@/lib/services/sessions";
import { changePassword, setTheme, updateProfile } from "@/lib/services/users";
import { formField, formValue } from "@/lib/validation/form";
import { ZTheme } from "@/lib/validation/users";

export async function updateProfileAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("profile.update", async () => {
    const user = await requireUser();
    await updateProfile(user.id, {
      fullName: formField(form, "fullName"),
      email: formField(form, "email"),
      timezone: formField(form, "timezone"),
      theme: String(formValue(form, "theme") ?? "system") as "system",
    });
    revalidatePath("/", "layout");
    return null;
  });
}

export async function changePasswordAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("profile.change_password", async () => {
    const user = await requireUser();
    await changePassword(user.id, {
      currentPassword: formValue(form, "currentPassword"),
      newPassword: formValue(form, "newPassword"),
      confirmPassword: formValue(form, "confirmPassword"),
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

/** Ends every session of the caller, this browser's too (the client then clears its cookie). */
export async function signOutEverywhereAction(): Promise<ActionResult<{ ended: number }>> {
  return runAction("profile.sign_out_everywhere", async () => {
    const user = await requireUser();
    return { ended: await revokeAllSessions(user.id) };
  });
}
