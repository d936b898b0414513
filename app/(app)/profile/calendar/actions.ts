"use server";
// The calendar feed on the profile: make (or regenerate) the secret URL, returned once to be shown
// once, and revoke it.
import { defineAction, ZNoInput } from "@/lib/action";
import { calendarFeedPath, createCalendarFeed, revokeCalendarFeed } from "@/lib/services/calendar-feed";

export const createCalendarFeedAction = defineAction({
  name: "calendar_feed.create",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: async (actor) => {
    const { token, createdAt } = await createCalendarFeed(actor);
    return { path: calendarFeedPath(token), createdAt: createdAt.toISOString() };
  },
  revalidate: ["/profile"],
});

export const revokeCalendarFeedAction = defineAction({
  name: "calendar_feed.revoke",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: (actor) => revokeCalendarFeed(actor),
  revalidate: ["/profile"],
});
