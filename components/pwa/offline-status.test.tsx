/** @jest-environment jsdom */
// The offline strip's words come from the catalog with the right plural and the start time, and
// nothing is shown while online with nothing waiting.
import { render, screen } from "@testing-library/react";
import { OfflineStatus } from "./offline-status";
import { formatClock } from "./time-label";

const strip = (props: Partial<React.ComponentProps<typeof OfflineStatus>>) =>
  render(
    <OfflineStatus
      online
      expected={{ running: false, since: null, pending: 0 }}
      notice={null}
      onDismiss={() => undefined}
      {...props}
    />,
  );

it("says nothing while online with nothing waiting", () => {
  strip({});
  expect(screen.getByTestId("offline-status").textContent).toBe("");
});

it("words one waiting change, and several, with the start time when known", () => {
  const since = "2026-12-08T10:02:00.000Z";
  const { unmount } = strip({ online: false, expected: { running: true, since, pending: 1 } });
  const text = screen.getByTestId("offline-status").textContent;
  expect(text).toContain("You are offline. The page shows the last saved state.");
  expect(text).toContain(`Timer started at ${formatClock(since)} on this device; 1 change waits to be sent.`);
  unmount();
  strip({ online: false, expected: { running: false, since: null, pending: 3 } });
  expect(screen.getByTestId("offline-status").textContent).toContain(
    "Timer stopped on this device; 3 changes wait to be sent.",
  );
});

it("offers Dismiss for a notice once everything is sent", () => {
  strip({ notice: "2 timer changes made offline saved." });
  expect(screen.getByRole("button", { name: "Dismiss" })).toBeTruthy();
});
