/** @jest-environment jsdom */
// The policy's countdown: whole days left, rounded up (a deadline later today still reads "1 day"),
// and a link to the set-up page.
import { render, screen } from "@testing-library/react";
import { TwoFactorBanner } from "./two-factor-banner";

const now = new Date("2026-12-07T12:00:00Z");
const DAY = 24 * 3600_000;

describe("TwoFactorBanner", () => {
  it.each([
    [7 * DAY, "7 days left"],
    [6 * DAY + 1, "7 days left"],
    [DAY + 1, "2 days left"],
    [DAY, "1 day left"],
    [60_000, "1 day left"],
  ])("%i ms before the deadline: %s", (ms, text) => {
    render(<TwoFactorBanner deadline={new Date(now.getTime() + ms)} now={now} />);
    expect(screen.getByRole("status").textContent).toContain(text);
    expect(screen.getByRole("link", { name: "Set it up now" }).getAttribute("href")).toBe("/profile/security");
  });
});
