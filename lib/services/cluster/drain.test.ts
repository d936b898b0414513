// Draining against a real Node HTTP server: the request in flight gets its whole answer, new
// connections are refused, keep-alive clients are told to go, the hooks run in order, and a request
// that outlives the timeout is cut off and counted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { drain, isDraining, onDrainStart, onShutdown, requestsInFlight, resetDrainState, trackRequests } from "./drain";

let server: http.Server;
let url: string;
let release: () => void = () => {};
let arrived: Promise<void>;
let signalArrived: () => void;

beforeEach(async () => {
  arrived = new Promise((r) => (signalArrived = r));
  resetDrainState();
  trackRequests();
  server = http.createServer((req, res) => {
    if (req.url === "/slow") {
      res.write("first ");
      release = () => res.end("last");
      signalArrived();
      return;
    }
    res.end("quick");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  // Every response's "close" has fired before the state goes (none may touch it after the file ends).
  for (let i = 0; i < 100 && requestsInFlight() > 0; i++) await new Promise((r) => setTimeout(r, 10));
  resetDrainState();
});

/** GET over its own socket (no agent reuse); resolves with status, connection header and body. */
function get(path: string): Promise<{ status: number; connection?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}${path}`, { agent: false }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

test("a request in flight finishes, new connections are refused, hooks run in order", async () => {
  const order: string[] = [];
  onShutdown({ name: "db", order: 90, run: () => void order.push("db") });
  onShutdown({ name: "leader", order: 10, run: () => void order.push("leader") });
  onDrainStart(() => order.push("drain-start"));

  const slow = get("/slow");
  await arrived; // the server is answering it
  expect(requestsInFlight()).toBe(1);

  const drained = drain({ delayMs: 0, timeoutMs: 5000 });
  expect(isDraining()).toBe(true);
  // The listener is closed: a new connection is refused while the old request is still running.
  await expect(get("/")).rejects.toThrow(/ECONNREFUSED/);
  expect(order).toEqual(["drain-start"]); // hooks wait for the request in flight
  release();
  expect(await slow).toEqual({ status: 200, connection: "close", body: "first last" });
  expect(await drained).toEqual({ abandoned: 0, hookErrors: [] });
  expect(order).toEqual(["drain-start", "leader", "db"]);
});

test("during the delay requests are still answered, with Connection: close", async () => {
  const drained = drain({ delayMs: 300, timeoutMs: 1000 });
  const res = await get("/");
  expect(res).toEqual({ status: 200, connection: "close", body: "quick" });
  await drained;
});

test("a request that outlives the timeout is cut off and counted; a failing hook does not stop the others", async () => {
  const ran: string[] = [];
  onShutdown({
    name: "broken",
    order: 1,
    run: () => {
      throw new Error("boom");
    },
  });
  onShutdown({ name: "db", order: 2, run: () => void ran.push("db") });
  const slow = get("/slow").catch((err: Error) => err);
  await arrived;
  const result = await drain({ delayMs: 0, timeoutMs: 200 });
  expect(result).toEqual({ abandoned: 1, hookErrors: ["broken: boom"] });
  expect(ran).toEqual(["db"]);
  // The client saw its connection end mid-answer.
  expect(String(await slow)).toMatch(/aborted|hang up|ECONNRESET/);
});
