"use server";
// Profile: name, email, time zone, theme, password change and "sign out everywhere", for the
// signed-in user only (the services change the caller's own account, whatever the input names).
import { defineAction, ZNoInput } from "@/lib/action";
import { changePassword, setTheme, signOutEverywhere, updateProfile } from "@/lib/services/profile";
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

/** Ends every session of the caller, this browser's too (the client then clears its cookie). */
export const signOutEverywhereAction = defineAction({
  name: "profile.sign_out_everywhere",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: async (actor) => ({ ended: await signOutEverywhere(actor) }),
});
