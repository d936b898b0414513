/** @jest-environment jsdom */
// The token table as people read it, with its words from the catalog: each token's state (Active,
// Expired, Revoked), "Never" for a date that is not set, the owner column only for admins, and a
// Revoke button (which asks again) only on active tokens.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { TokenTable, type TokenRow } from "./token-table";

const now = new Date("2026-12-07T12:00:00Z");
const base = { scopes: ["entries:read"], lastUsedAt: null, revokedAt: null, createdAt: new Date("2026-12-01") };
const tokens: TokenRow[] = [
  { ...base, id: "a", name: "script", prefix: "tt_pat_a", expiresAt: null, owner: "ada" },
  { ...base, id: "e", name: "old", prefix: "tt_pat_e", expiresAt: new Date("2026-12-02"), owner: "bob" },
  { ...base, id: "r", name: "gone", prefix: "tt_pat_r", expiresAt: null, revokedAt: new Date("2026-12-03") },
];
const revoke = async () => ({ ok: true as const, data: null });

const row = (name: string) => screen.getByRole("cell", { name }).closest("tr")!;

it("names each state, says Never for unset dates and offers Revoke only on active tokens", () => {
  render(<TokenTable tokens={tokens} revoke={revoke} now={now} />);
  const table = screen.getByRole("table", { name: "API tokens" });
  expect(
    within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent),
  ).toEqual(["Name", "Token", "Scopes", "Created", "Last used", "Expires", "Status", "Actions"]);
  expect(
    within(row("script"))
      .getAllByRole("cell")
      .map((c) => c.textContent),
  ).toEqual(["script", "tt_pat_a…", "entries:read", "2026-12-01", "Never", "Never", "Active", "Revoke"]);
  expect(within(row("old")).getByRole("cell", { name: "Expired" })).toBeTruthy();
  expect(within(row("gone")).getByRole("cell", { name: "Revoked" })).toBeTruthy();
  expect(within(row("old")).queryByRole("button")).toBeNull();
  expect(within(row("gone")).queryByRole("button")).toBeNull();

  fireEvent.click(within(row("script")).getByRole("button", { name: "Revoke" }));
  expect(screen.getByRole("group", { name: "Revoke this token? Scripts using it stop working." })).toBeTruthy();
});

it("shows the owner column for the admins' list", () => {
  render(<TokenTable tokens={tokens} revoke={revoke} now={now} showOwner />);
  expect(screen.getByRole("columnheader", { name: "Owner" })).toBeTruthy();
  expect(within(row("script")).getByRole("cell", { name: "ada" })).toBeTruthy();
});
