"use client";
// Popover on Radix: anchored to its trigger, closes on Escape and outside clicks, keeps focus inside.
import { Popover as P } from "radix-ui";
import { cx } from "./cx";
import { SURFACE } from "./surface";

export const Popover = P.Root;
export const PopoverTrigger = P.Trigger;
export const PopoverAnchor = P.Anchor;

export function PopoverContent({ className, align = "start", ...props }: React.ComponentProps<typeof P.Content>) {
  return (
    <P.Portal>
      <P.Content
        align={align}
        sideOffset={6}
        collisionPadding={8}
        {...props}
        className={cx(SURFACE, "z-50 max-w-[calc(100vw-1rem)] p-2", className)}
      />
    </P.Portal>
  );
}
