// What the service worker keeps for offline use: signed-in HTML pages only; never sign-in, set-up,
// API answers, metrics, or a download reached by navigation (CSV export, backup).
import { isCacheablePage, isPageResponse, isSignInOrOut } from "./policy";

const u = (p: string) => new URL(p, "https://tt.example");

it("keeps signed-in pages, not sign-in, set-up, API, metrics, docs or Next's own files", () => {
  for (const p of ["/", "/timer", "/entries?week=2026-12-07", "/projects/abc", "/admin/users"])
    expect([p, isCacheablePage(u(p))]).toEqual([p, true]);
  for (const p of ["/login", "/logout", "/setup", "/api/v1/timer", "/api/admin/backup", "/metrics", "/docs/privacy"])
    expect([p, isCacheablePage(u(p))]).toEqual([p, false]);
  expect(isSignInOrOut(u("/login?callbackUrl=%2F"))).toBe(true);
  expect(isSignInOrOut(u("/logout"))).toBe(true);
  expect(isSignInOrOut(u("/loginx"))).toBe(false);
});

it("stores only successful HTML answers", () => {
  expect(isPageResponse(200, "text/html; charset=utf-8")).toBe(true);
  expect(isPageResponse(200, "text/csv; charset=utf-8")).toBe(false);
  expect(isPageResponse(200, "application/json")).toBe(false);
  expect(isPageResponse(200, null)).toBe(false);
  expect(isPageResponse(404, "text/html")).toBe(false);
  expect(isPageResponse(500, "text/html")).toBe(false);
});
