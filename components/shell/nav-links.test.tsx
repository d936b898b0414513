/** @jest-environment jsdom */
// The navigation's labels come from the English catalog; the current page is marked; admins get
// the Admin link; collapsed, the links keep their names for screen readers.
import { render, screen } from "@testing-library/react";
import { NavLinks } from "./nav-links";

jest.mock("next/navigation", () => ({ usePathname: () => "/entries/123" }));

describe("NavLinks", () => {
  it("names every page, marks the current one, and shows Admin only to admins", () => {
    const { rerender } = render(<NavLinks isAdmin={false} />);
    expect(screen.getByRole("link", { name: "Entries" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Dashboard" }).getAttribute("aria-current")).toBeNull();
    expect(screen.queryByRole("link", { name: "Admin" })).toBeNull();
    rerender(<NavLinks isAdmin />);
    expect(screen.getByRole("link", { name: "Admin" })).toBeTruthy();
  });

  it("keeps accessible names when collapsed to icons", () => {
    render(<NavLinks isAdmin={false} collapsed />);
    expect(screen.getByRole("link", { name: "Reports" }).textContent).toBe("");
  });
});
