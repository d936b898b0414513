/** @jest-environment jsdom */
// The submit row: the pending label while the action runs, and the result announced in a status region.
import { render, screen } from "@testing-library/react";
import { FormFooter } from "./form-footer";

const failure = {
  ok: false as const,
  error: { code: "VALIDATION" as const, message: "Check the fields." },
  fieldErrors: { name: ["Required."] },
};

it("announces success and failure, and can stay quiet when field errors say it all", () => {
  const { rerender } = render(
    <FormFooter submitLabel="Save" pending={false} result={{ ok: true, data: null }} successMessage="Saved." />,
  );
  expect(screen.getByRole("status").textContent).toBe("Saved.");
  rerender(<FormFooter submitLabel="Save" pending={false} result={failure} />);
  expect(screen.getByRole("status").textContent).toBe("Check the fields.");
  rerender(<FormFooter submitLabel="Save" pending={false} result={failure} quietOnFieldErrors />);
  expect(screen.getByRole("status").textContent).toBe("");
});

it("shows the pending label and disables the button while the action runs", () => {
  render(<FormFooter submitLabel="Save" pendingLabel="Saving…" pending result={null} />);
  const button = screen.getByRole("button", { name: "Saving…" }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
});
