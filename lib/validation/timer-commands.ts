// A timer command from the browser (palette, shortcuts, the offline queue): its id, chosen by the
// browser, makes a replay harmless; `at` is when the user asked, so a start made offline at 10:02
// and sent at 10:40 still starts at 10:02. Pure schema: the client queue imports it too.
import { z } from "zod";
import { ZStartTimer } from "./entries";

/** How old a queued command may be when it arrives: older ones are refused, not applied. */
export const MAX_COMMAND_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const ZCommandId = z.uuid({ message: "Must be a UUID." });
const ZAt = z.coerce.date({ message: "Must be a date and time." }).optional();

export const ZTimerCommand = z.discriminatedUnion("kind", [
  ZStartTimer.extend({ id: ZCommandId, kind: z.literal("start"), at: ZAt }),
  ZStartTimer.extend({ id: ZCommandId, kind: z.literal("switch"), at: ZAt }),
  z.object({ id: ZCommandId, kind: z.literal("stop"), at: ZAt }),
  z.object({ id: ZCommandId, kind: z.literal("resume"), at: ZAt }),
]);
export type TTimerCommand = z.input<typeof ZTimerCommand>;

export const TIMER_COMMAND_KINDS = ["start", "switch", "stop", "resume"] as const;
