// Receipt files of expenses against a real database: the type is told by the file's first bytes (a
// text file named .png is refused), 10 MB at most, only the owner and admins read or replace it, the
// download is an attachment with nosniff, deleting the expense removes the file, and a file left in
// the data folder by an older version moves into the database when first read. The route handlers run with a real next-auth session (tests/authz/session.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createExpense, deleteExpense } from "@/lib/services/expenses";
import { attachReceipt, readReceipt, RECEIPT_MAX_BYTES, receiptTypeOf } from "@/lib/services/receipts";
import { actAs, TEST_SECRET } from "./authz/session";
import { actionCodeOf } from "./helpers/errors";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";
import { GET, POST } from "@/app/(app)/expenses/[id]/receipt/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-receipts-"));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";
process.env.DATA_DIR = dataDir;
resetEnvCache();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
beforeAll(async () => {
  s = await seedTracking();
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const WEBP = new Uint8Array([...new TextEncoder().encode("RIFF"), 4, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const newExpense = (who = s.alice) => createExpense(who, { projectId: s.project.id, date: "2026-03-10", amount: "10" });
const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const stored = async (id: string) =>
  (await db().expenseReceipt.findUnique({ where: { expenseId: id }, select: { bytes: true } }))?.bytes ?? null;

it("tells the type by the first bytes, not by the name", () => {
  expect([PNG, JPEG, WEBP, PDF].map((b) => receiptTypeOf(b)?.ext)).toEqual(["png", "jpg", "webp", "pdf"]);
  expect(receiptTypeOf(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  expect(receiptTypeOf(new Uint8Array([0x89, 0x50]))).toBeNull();
});

it("stores one receipt per expense for its owner, refuses wrong types, empty and too-big files", async () => {
  const e = await newExpense();
  await attachReceipt(s.alice, { id: e.id, file: file(PNG, "r.png", "image/png") });
  // In the database, so that every app instance serves it and backups carry it; not in the data folder.
  expect(Buffer.from((await stored(e.id))!)).toEqual(Buffer.from(PNG));
  expect(fs.existsSync(path.join(dataDir, "receipts"))).toBe(false);
  const r = await readReceipt(s.alice, e.id);
  expect([r.mime, r.filename, r.bytes.length]).toEqual(["image/png", `receipt-${e.id}.png`, PNG.length]);
  expect((await readReceipt(s.admin, e.id)).mime).toBe("image/png");
  // Replaced by a PDF: one file, the new type.
  await attachReceipt(s.alice, { id: e.id, file: file(PDF, "r.pdf", "application/pdf") });
  expect((await readReceipt(s.alice, e.id)).mime).toBe("application/pdf");

  const html = file(new TextEncoder().encode("<html><script>alert(1)</script>"), "evil.png", "image/png");
  expect(await actionCodeOf(attachReceipt(s.alice, { id: e.id, file: html }))).toBe("VALIDATION");
  const big = new Uint8Array(RECEIPT_MAX_BYTES + 1);
  big.set(PNG);
  expect(await actionCodeOf(attachReceipt(s.alice, { id: e.id, file: file(big, "big.png", "image/png") }))).toBe(
    "VALIDATION",
  );
  expect(await actionCodeOf(attachReceipt(s.alice, { id: e.id, file: file(new Uint8Array(), "e.png", "") }))).toBe(
    "VALIDATION",
  );
  expect(await actionCodeOf(attachReceipt(s.alice, { id: e.id, file: "not a file" }))).toBe("VALIDATION");
  expect((await readReceipt(s.alice, e.id)).mime).toBe("application/pdf");
});

it("someone else's expense: no reading, no replacing; deleting the expense removes the receipt", async () => {
  const e = await newExpense();
  await attachReceipt(s.alice, { id: e.id, file: file(JPEG, "r.jpg", "image/jpeg") });
  expect(await actionCodeOf(readReceipt(s.bob, e.id))).toBe("NOT_FOUND");
  expect(await actionCodeOf(attachReceipt(s.bob, { id: e.id, file: file(PNG, "x.png", "image/png") }))).toBe(
    "NOT_FOUND",
  );
  expect((await readReceipt(s.alice, e.id)).mime).toBe("image/jpeg");
  await deleteExpense(s.alice, { id: e.id });
  expect(await stored(e.id)).toBeNull();
});

it("a receipt of the largest allowed size is stored and read back whole", async () => {
  const e = await newExpense();
  const bytes = new Uint8Array(RECEIPT_MAX_BYTES).map((_, i) => (i * 7) % 256);
  bytes.set(PDF.subarray(0, 5));
  await attachReceipt(s.alice, { id: e.id, file: file(bytes, "big.pdf", "application/pdf") });
  const r = await readReceipt(s.alice, e.id);
  expect([r.mime, r.bytes.length]).toEqual(["application/pdf", RECEIPT_MAX_BYTES]);
  expect(Buffer.compare(r.bytes, Buffer.from(bytes))).toBe(0);
});

it("a receipt file an older version kept in the data folder moves into the database when first read", async () => {
  const e = await newExpense();
  const legacy = path.join(dataDir, "receipts", e.id);
  fs.mkdirSync(path.dirname(legacy), { recursive: true });
  fs.writeFileSync(legacy, JPEG);
  await db().expense.update({ where: { id: e.id }, data: { receiptType: "image/jpeg", receiptSize: JPEG.length } });
  expect(Buffer.from((await readReceipt(s.alice, e.id)).bytes)).toEqual(Buffer.from(JPEG));
  expect(fs.existsSync(legacy)).toBe(false);
  expect(Buffer.from((await stored(e.id))!)).toEqual(Buffer.from(JPEG));
  expect((await readReceipt(s.admin, e.id)).mime).toBe("image/jpeg");

  // A receipt recorded but neither in the database nor in the folder: a clear 404, not a crash.
  await db().expenseReceipt.delete({ where: { expenseId: e.id } });
  expect(await actionCodeOf(readReceipt(s.alice, e.id))).toBe("NOT_FOUND");
});

it("the routes: an attachment with nosniff for the owner, 404 for others, redirects after an upload", async () => {
  const e = await newExpense();
  const url = `http://localhost/expenses/${e.id}/receipt`;
  const upload = (bytes: Uint8Array, name: string, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.append("receipt", file(bytes, name, "application/octet-stream"));
    return POST(new NextRequest(url, { method: "POST", body: form, headers }), ctx(e.id));
  };
  await actAs(null);
  expect((await GET(new NextRequest(url), ctx(e.id))).status).toBe(401);
  expect((await upload(PNG, "r.png")).status).toBe(401);

  await actAs(s.alice.id);
  expect((await GET(new NextRequest(url), ctx(e.id))).status).toBe(404); // no receipt yet
  const bad = await upload(new TextEncoder().encode("hello"), "r.pdf");
  expect([bad.status, bad.headers.get("location")]).toEqual([303, "/expenses?receipt=wrong_type"]);
  const cross = await upload(PDF, "r.pdf", { origin: "https://evil.example", host: "localhost" });
  expect(cross.status).toBe(403);
  const ok = await upload(PDF, "r.pdf");
  expect([ok.status, ok.headers.get("location")]).toEqual([303, "/expenses?receipt=saved"]);
  const res = await GET(new NextRequest(url), ctx(e.id));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${e.id}.pdf"`);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(PDF));

  await actAs(s.bob.id);
  expect((await GET(new NextRequest(url), ctx(e.id))).status).toBe(404);
  await actAs(s.admin.id);
  expect((await GET(new NextRequest(url), ctx(e.id))).status).toBe(200);
  expect((await GET(new NextRequest("http://localhost/expenses/x/receipt"), ctx("../../etc/passwd"))).status).toBe(404);
});
