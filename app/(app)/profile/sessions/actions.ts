"use server";
// Sessions page: end one of your sessions, or every one but this browser's. Your own only.
import { defineAction, ZNoInput } from "@/lib/action";
import { currentSessionId } from "@/lib/auth/session";
import { endMySession, endOtherSessions } from "@/lib/services/my-sessions";
import { ZSessionRef } from "@/lib/validation/auth";

export const endSessionAction = defineAction({
  name: "profile.end_session",
  access: "user",
  from: "form",
  input: ZSessionRef,
  run: (actor, input) => endMySession(actor, input),
  revalidate: ["/profile/sessions"],
});

export const endOtherSessionsAction = defineAction({
  name: "profile.end_other_sessions",
  access: "user",
  from: "form",
  input: ZNoInput,
  run: async (actor) => endOtherSessions(actor, await currentSessionId()),
  revalidate: ["/profile/sessions"],
});
