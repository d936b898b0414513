/** @jest-environment jsdom */
// The organization fields of the setup wizard and the settings page, worded from the catalog: the
// week days in order from Sunday (value 0), "No rounding" and "1 minute" singular, the directions.
import { render, screen, within } from "@testing-library/react";
import { OrgFields } from "./org-fields";

const values = {
  name: "Acme",
  timezone: "Europe/Berlin",
  currency: "EUR",
  weekStart: "1",
  roundingMinutes: "0",
  roundingMode: "nearest",
};
const options = (label: string) =>
  within(screen.getByLabelText(label))
    .getAllByRole("option")
    .map((o) => [(o as HTMLOptionElement).value, o.textContent]);

it("labels every choice in words", () => {
  render(<OrgFields values={values} zones={["UTC"]} />);
  expect(screen.getByLabelText("Organization name")).toHaveProperty("value", "Acme");
  expect(options("Week starts on")).toEqual([
    ["0", "Sunday"],
    ["1", "Monday"],
    ["2", "Tuesday"],
    ["3", "Wednesday"],
    ["4", "Thursday"],
    ["5", "Friday"],
    ["6", "Saturday"],
  ]);
  expect(options("Round durations to").slice(0, 3)).toEqual([
    ["0", "No rounding"],
    ["1", "1 minute"],
    ["5", "5 minutes"],
  ]);
  expect(options("Rounding direction").map(([, label]) => label)).toEqual(["To the nearest", "Up", "Down"]);
  // A zone the list does not know (an older database) is still offered, first.
  expect(options("Time zone").map(([value]) => value)).toEqual(["Europe/Berlin", "UTC"]);
});
