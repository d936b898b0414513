"use server";
// Profile: name, email, time zone, theme, and password change, for the signed-in user only (the
// services change the caller's own account, whatever the input names).
import { defineAction } from "@/lib/action";
import { changePassword, setTheme, updateProfile } from "@/lib/services/profile";
import { ZChangePassword, ZSetTheme, ZUpdateProfile } from "@/lib/validation/users";

export const updateProfileAction = defineAction({
  name: "profile.update",
  access: "user",
  from: "form",
  input: ZUpdateProfile,
  run: async (actor, input) => void (await updateProfile(actor, input)),
  revalidate: [["/", "layout"]],
});

export const changePasswordAction = defineAction({
  name: "profile.change_password",
  access: "user",
  from: "form",
  input: ZChangePassword,
  run: async (actor, input) => void (await changePassword(actor, input)),
});

export const setThemeAction = defineAction({
  name: "profile.set_theme",
  access: "user",
  from: "object",
  input: ZSetTheme,
  run: (actor, input) => setTheme(actor, input),
  revalidate: [["/", "layout"]],
});
