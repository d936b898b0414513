/** @jest-environment jsdom */
// The Table primitive: named by its caption, header cells as column headers, conditional columns left out.
import { render, screen, within } from "@testing-library/react";
import { Table } from "./table";

it("renders a named table with column headers and the rows it is given", () => {
  const showUser = false;
  render(
    <Table caption="Accounts" testId="t" columns={["Name", showUser && "User", { label: "Actions", srOnly: true }]}>
      <tr>
        <td>ada</td>
        <td>Manage</td>
      </tr>
    </Table>,
  );
  const table = screen.getByRole("table", { name: "Accounts" });
  expect(
    within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent),
  ).toEqual(["Name", "Actions"]);
  expect(within(table).getByRole("cell", { name: "ada" })).toBeTruthy();
  expect(table.parentElement!.className).toContain("overflow-x-auto");
  // Scrolling sideways with the keyboard: the scroller is a named, focusable region.
  expect(screen.getByRole("region", { name: "Accounts" }).tabIndex).toBe(0);
});
