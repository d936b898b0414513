/** @jest-environment jsdom */
// Keyboard shortcuts as a user meets them in a page: single keys and "g" sequences fire, typing in
// a field never does, browser combinations are left alone, a slow second key cancels a sequence.
import { fireEvent, render, screen } from "@testing-library/react";
import { createShortcutHandler, isPaletteKey, type Shortcut } from "./shortcuts";

function setup(timeoutMs = 1000) {
  const ran: string[] = [];
  let clock = 0;
  const table: Shortcut[] = [
    { keys: "s", label: "toggle", run: () => ran.push("toggle") },
    { keys: "?", label: "help", run: () => ran.push("help") },
    { keys: "g e", label: "entries", run: () => ran.push("entries") },
    { keys: "g d", label: "dashboard", run: () => ran.push("dashboard") },
  ];
  const handler = createShortcutHandler(table, { timeoutMs, now: () => clock });
  const listener = (e: KeyboardEvent) => void handler(e);
  document.addEventListener("keydown", listener);
  render(
    <div>
      <input aria-label="Description" />
      <textarea aria-label="Notes" />
      <select aria-label="Project">
        <option>A</option>
      </select>
      <input type="checkbox" aria-label="Billable" />
      <div contentEditable suppressContentEditableWarning aria-label="Editor">
        x
      </div>
      <button type="button">Save</button>
    </div>,
  );
  return {
    ran,
    tick: (ms: number) => (clock += ms),
    done: () => document.removeEventListener("keydown", listener),
  };
}

it("runs single keys and two-key sequences from anywhere outside a text field", () => {
  const t = setup();
  fireEvent.keyDown(document.body, { key: "s" });
  fireEvent.keyDown(screen.getByRole("button", { name: "Save" }), { key: "g" });
  fireEvent.keyDown(document.body, { key: "e" });
  fireEvent.keyDown(document.body, { key: "Shift" });
  fireEvent.keyDown(document.body, { key: "?", shiftKey: true });
  fireEvent.keyDown(screen.getByRole("checkbox", { name: "Billable" }), { key: "S" });
  expect(t.ran).toEqual(["toggle", "entries", "help", "toggle"]);
  t.done();
});

it("never fires while typing in an input, a textarea, a select or an editable area", () => {
  const t = setup();
  for (const name of ["Description", "Notes"]) {
    const field = screen.getByRole("textbox", { name });
    fireEvent.keyDown(field, { key: "s" });
    fireEvent.keyDown(field, { key: "g" });
    fireEvent.keyDown(field, { key: "e" });
  }
  fireEvent.keyDown(screen.getByRole("combobox", { name: "Project" }), { key: "s" });
  fireEvent.keyDown(screen.getByText("x"), { key: "s" });
  expect(t.ran).toEqual([]);
  t.done();
});

it("leaves Ctrl, Alt and Cmd combinations to the browser", () => {
  const t = setup();
  fireEvent.keyDown(document.body, { key: "s", ctrlKey: true });
  fireEvent.keyDown(document.body, { key: "s", metaKey: true });
  fireEvent.keyDown(document.body, { key: "s", altKey: true });
  expect(t.ran).toEqual([]);
  expect(isPaletteKey({ key: "k", ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(true);
  expect(isPaletteKey({ key: "K", ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(true);
  expect(isPaletteKey({ key: "k", ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
  expect(isPaletteKey({ key: "k", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
  t.done();
});

it("a sequence expires: a second key after the timeout, or another key between, runs nothing", () => {
  const t = setup(1000);
  fireEvent.keyDown(document.body, { key: "g" });
  t.tick(1500);
  fireEvent.keyDown(document.body, { key: "e" });
  fireEvent.keyDown(document.body, { key: "g" });
  fireEvent.keyDown(document.body, { key: "x" });
  fireEvent.keyDown(document.body, { key: "d" });
  expect(t.ran).toEqual([]);
  fireEvent.keyDown(document.body, { key: "g" });
  t.tick(500);
  fireEvent.keyDown(document.body, { key: "d" });
  expect(t.ran).toEqual(["dashboard"]);
  t.done();
});
