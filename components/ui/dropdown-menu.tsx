"use client";
// Menu on Radix DropdownMenu: arrow keys move, typing jumps, Escape closes and returns focus.
import { DropdownMenu as M } from "radix-ui";
import { cx } from "./cx";
import { SURFACE } from "./surface";

export const DropdownMenu = M.Root;
export const DropdownMenuTrigger = M.Trigger;
export const DropdownMenuRadioGroup = M.RadioGroup;

export function DropdownMenuContent({ className, ...props }: React.ComponentProps<typeof M.Content>) {
  return (
    <M.Portal>
      <M.Content
        align="end"
        sideOffset={6}
        collisionPadding={8}
        {...props}
        className={cx(SURFACE, "z-50 min-w-48 p-1", className)}
      />
    </M.Portal>
  );
}

const ITEM =
  "flex cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50 dark:data-[highlighted]:bg-slate-800";

export function DropdownMenuItem({ className, ...props }: React.ComponentProps<typeof M.Item>) {
  return <M.Item {...props} className={cx(ITEM, className)} />;
}

export function DropdownMenuRadioItem({ className, children, ...props }: React.ComponentProps<typeof M.RadioItem>) {
  return (
    <M.RadioItem {...props} className={cx(ITEM, "pl-7 relative", className)}>
      <M.ItemIndicator className="absolute left-2 inline-flex">
        <span aria-hidden className="h-2 w-2 rounded-full bg-current" />
      </M.ItemIndicator>
      {children}
    </M.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: React.ComponentProps<typeof M.Label>) {
  return (
    <M.Label
      {...props}
      className={cx("px-2 py-1 text-xs font-semibold text-slate-500 dark:text-slate-400", className)}
    />
  );
}

export function DropdownMenuSeparator() {
  return <M.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}
