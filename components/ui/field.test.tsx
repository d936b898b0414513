/** @jest-environment jsdom */
// The Field primitive: labels find their controls, errors are announced and wired to the control,
// ids stay the field name outside ActionForm (e2e specs and server actions rely on both).
import { render, screen } from "@testing-library/react";
import { CheckboxField, FieldErrorsProvider, SelectField, TextAreaField, TextField } from "./field";

describe("Field", () => {
  it("labels a text input by its name and links hint and error region", () => {
    render(<TextField label="Currency" name="currency" hint="Three letters." errors={["Use a code."]} />);
    const input = screen.getByLabelText("Currency");
    expect(input.getAttribute("id")).toBe("currency");
    expect(input.getAttribute("name")).toBe("currency");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("currency-hint currency-error");
    const error = document.getElementById("currency-error")!;
    expect(error.textContent).toBe("Use a code.");
    expect(error.getAttribute("aria-live")).toBe("polite");
    expect(document.getElementById("currency-hint")!.textContent).toBe("Three letters.");
  });

  it("keeps an empty live region and no aria-invalid while there is no error", () => {
    render(<TextField label="Name" name="name" />);
    const input = screen.getByLabelText("Name");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.getAttribute("aria-describedby")).toBe("name-error");
    expect(document.getElementById("name-error")!.textContent).toBe("");
  });

  it("reads errors and an id prefix from the provider, the prop winning over it", () => {
    render(
      <FieldErrorsProvider errors={{ notes: ["Too long."], tags: ["Bad tag."] }} prefix="f1">
        <TextAreaField label="Notes" name="notes" />
        <TextField label="Tags" name="tags" errors={["From the prop."]} />
      </FieldErrorsProvider>,
    );
    const notes = screen.getByLabelText("Notes");
    expect(notes.tagName).toBe("TEXTAREA");
    expect(notes.getAttribute("id")).toBe("f1-notes");
    expect(notes.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("f1-notes-error")!.textContent).toBe("Too long.");
    expect(document.getElementById("f1-tags-error")!.textContent).toBe("From the prop.");
  });

  it("renders a select with an optional empty first option, reachable by role and name", () => {
    render(
      <SelectField
        label="Project"
        name="projectId"
        placeholder="Choose a project"
        defaultValue=""
        options={[{ value: "p1", label: "Website" }]}
      />,
    );
    const select = screen.getByRole("combobox", { name: "Project" }) as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ["", "Choose a project"],
      ["p1", "Website"],
    ]);
  });

  it("puts a checkbox inside its label and wires its error region", () => {
    render(<CheckboxField label="Skip weekends" name="skipWeekends" defaultChecked errors={["No."]} />);
    const box = screen.getByRole("checkbox", { name: "Skip weekends" }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.getAttribute("aria-describedby")).toBe("skipWeekends-error");
    expect(box.getAttribute("aria-invalid")).toBe("true");
  });
});
