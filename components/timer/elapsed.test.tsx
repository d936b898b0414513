/** @jest-environment jsdom */
// The elapsed time renders the server's value first (the same HTML on server and client: no
// hydration error #418), then follows the browser's clock.
import { act, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { Elapsed } from "./elapsed";

const start = "2026-03-02T09:00:00.000Z";
const renderedAt = Date.parse(start) + 65_000;

describe("Elapsed", () => {
  it("server HTML and the first client render agree, whatever the browser's clock says", () => {
    const html = renderToString(<Elapsed start={start} renderedAt={renderedAt} label="Elapsed time" />);
    expect(html).toContain("0:01:05");
  });

  it("then ticks with the browser's clock", () => {
    jest.useFakeTimers({ now: renderedAt + 3_600_000 });
    render(<Elapsed start={start} renderedAt={renderedAt} label="Elapsed time" />);
    expect(screen.getByRole("timer", { name: "Elapsed time" }).textContent).toBe("0:01:05");
    act(() => jest.advanceTimersByTime(1000));
    expect(screen.getByRole("timer").textContent).toBe("1:01:06");
    jest.useRealTimers();
  });
});
