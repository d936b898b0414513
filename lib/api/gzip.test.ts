import { gunzipSync } from "node:zlib";
import { acceptsGzip, maybeGzip } from "./gzip";

const req = (accept?: string) => new Request("http://x/", { headers: accept ? { "accept-encoding": accept } : {} });

test("gzip only when the client accepts it", () => {
  expect(acceptsGzip(req("gzip, deflate, br"))).toBe(true);
  expect(acceptsGzip(req("br;q=1, GZIP;q=0.5"))).toBe(true);
  expect(acceptsGzip(req("gzip;q=0, br"))).toBe(false);
  expect(acceptsGzip(req("identity"))).toBe(false);
  expect(acceptsGzip(req())).toBe(false);
});

test("the gzipped body is the same bytes, and the plain one is untouched", async () => {
  const text = "ID,User\r\n" + "a,b\r\n".repeat(50_000);
  const source = () => new Response(text).body!;
  const zipped = maybeGzip(req("gzip"), source());
  expect(zipped.headers["content-encoding"]).toBe("gzip");
  const bytes = Buffer.from(await new Response(zipped.body).arrayBuffer());
  expect(bytes.length).toBeLessThan(text.length / 5);
  expect(gunzipSync(bytes).toString()).toBe(text);
  const plain = maybeGzip(req("identity"), source());
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(await new Response(plain.body).text()).toBe(text);
});

test("cancelling the gzipped body cancels the source (a download cut off ends the export)", async () => {
  let cancelled = false;
  let n = 0;
  const source = new ReadableStream<Uint8Array>({
    pull(c) {
      c.enqueue(new TextEncoder().encode(`line ${n++}\r\n`.repeat(1000)));
    },
    cancel() {
      cancelled = true;
    },
  });
  const reader = maybeGzip(req("gzip"), source).body.getReader();
  await reader.read();
  await reader.cancel();
  const deadline = Date.now() + 5000;
  while (!cancelled && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(cancelled).toBe(true);
});
