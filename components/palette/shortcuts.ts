// Keyboard shortcuts: single keys ("s", "?") and two-key sequences ("g e"), never while the user is
// typing in a field, and never with Ctrl/Alt/Meta held (those belong to the browser and the OS;
// Ctrl/Cmd+K is matched on its own). Pure: the overlay lists the same table the handler uses.

export interface Shortcut {
  /** "s", "?", or a sequence "g e". */
  keys: string;
  label: string;
  run: () => void;
}

/** True when a key press should go to a text field, not to us. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.closest("[contenteditable=''], [contenteditable='true'], [role='textbox'], [role='combobox']")) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (el as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"].includes(type);
}

export function isPaletteKey(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k";
}

/**
 * A keydown handler for the table. A sequence's first key waits up to `timeoutMs` for the second;
 * any other key in between cancels it. Returns true when it handled the event.
 */
const MODIFIERS = new Set(["Shift", "Control", "Alt", "Meta", "CapsLock", "AltGraph"]);

export function createShortcutHandler(shortcuts: Shortcut[], opts: { timeoutMs?: number; now?: () => number } = {}) {
  const timeout = opts.timeoutMs ?? 1200;
  const now = opts.now ?? (() => Date.now());
  let prefix: { key: string; at: number } | null = null;
  const prefixes = new Set(shortcuts.filter((s) => s.keys.includes(" ")).map((s) => s.keys.split(" ")[0]));

  return function onKeyDown(e: KeyboardEvent): boolean {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
    if (isTypingTarget(e.target)) return false;
    // A modifier pressed on its own (Shift on the way to "?") neither counts nor cancels.
    if (MODIFIERS.has(e.key)) return false;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (prefix && now() - prefix.at <= timeout) {
      const hit = shortcuts.find((s) => s.keys === `${prefix!.key} ${key}`);
      prefix = null;
      if (hit) {
        e.preventDefault();
        hit.run();
        return true;
      }
      return false;
    }
    prefix = null;
    if (prefixes.has(key)) {
      prefix = { key: key, at: now() };
      return true;
    }
    const hit = shortcuts.find((s) => s.keys === key);
    if (!hit) return false;
    e.preventDefault();
    hit.run();
    return true;
  };
}
