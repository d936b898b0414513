// The invoice logo against a real database and real images (sharp makes them): PNG and JPEG told by
// their bytes, at most 1 MB and 2,000 × 2,000 pixels, refused when unreadable; only admins upload,
// see or remove it; an issued invoice's PDF then holds the image (pdfimages from poppler-utils).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { resetEnvCache } from "@/lib/env";
import { issueInvoice } from "@/lib/services/invoice-lifecycle";
import {
  imageInfo,
  LOGO_MAX_BYTES,
  readInvoiceLogo,
  removeInvoiceLogo,
  setInvoiceLogo,
} from "@/lib/services/invoice-logo";
import { renderInvoicePdf } from "@/lib/services/invoice-pdf";
import { getInvoiceSettings } from "@/lib/services/invoice-settings";
import { createInvoiceDraft } from "@/lib/services/invoices";
import { actAs, TEST_SECRET } from "./authz/session";
import { actionCodeOf } from "./helpers/errors";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";
import { GET, POST } from "@/app/(app)/invoices/settings/logo/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";
resetEnvCache();

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
beforeAll(async () => {
  s = await seedTracking();
});

const hasPoppler = (() => {
  try {
    execFileSync("pdfimages", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler && process.env.CI) throw new Error("pdfimages is missing (apt install poppler-utils)");

const image = (w: number, h: number, fmt: "png" | "jpeg") =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#1d4ed8" } })
    [fmt]()
    .toBuffer();
const file = (bytes: Uint8Array, name: string, type = "application/octet-stream") =>
  new File([bytes as BlobPart], name, { type });
const URL = "http://localhost/invoices/settings/logo";
const upload = (bytes: Uint8Array, name: string, headers: Record<string, string> = {}) => {
  const form = new FormData();
  form.append("logo", file(bytes, name));
  return POST(new NextRequest(URL, { method: "POST", body: form, headers }));
};
const outcome = async (res: Promise<Response>) => {
  const r = await res;
  return [r.status, r.headers.get("location")];
};
/** The images pdfimages lists: [width, height, encoding]. */
const pdfImages = (pdf: Buffer) => {
  // pdfimages reads a file, not stdin.
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tt-logo-")), "invoice.pdf");
  fs.writeFileSync(f, pdf);
  const out = execFileSync("pdfimages", ["-list", f]).toString();
  fs.rmSync(path.dirname(f), { recursive: true, force: true });
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === "image")
    .map((c) => [Number(c[3]), Number(c[4]), c[8]]);
};

async function issuedInvoice(): Promise<string> {
  const { id } = await createInvoiceDraft(s.admin, {
    clientId: s.client.id,
    includeTime: false,
    manualLines: [{ description: "Consulting", unitPrice: "100" }],
  });
  await issueInvoice(s.admin, { id });
  return id;
}

it("reads type and size from the bytes", async () => {
  expect(imageInfo(await image(300, 120, "png"))).toEqual({ mime: "image/png", width: 300, height: 120 });
  expect(imageInfo(await image(64, 48, "jpeg"))).toEqual({ mime: "image/jpeg", width: 64, height: 48 });
  expect(imageInfo(new TextEncoder().encode("GIF89a…"))).toBeNull();
  expect(imageInfo(new TextEncoder().encode("%PDF-1.4"))).toBeNull();
  expect(imageInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
});

it("an admin uploads a PNG through the form; it is served back and printed on the PDF", async () => {
  await actAs(s.admin.id);
  const png = await image(300, 120, "png");
  expect(await outcome(upload(png, "logo.png"))).toEqual([303, "/invoices/settings?logo=saved"]);
  expect((await getInvoiceSettings(s.admin)).hasLogo).toBe(true);
  const res = await GET(new NextRequest(URL));
  expect([res.status, res.headers.get("content-type"), res.headers.get("x-content-type-options")]).toEqual([
    200,
    "image/png",
    "nosniff",
  ]);
  expect(Buffer.from(await res.arrayBuffer())).toEqual(png);

  if (!hasPoppler) return;
  const { pdf } = await renderInvoicePdf(s.admin, await issuedInvoice());
  expect(pdfImages(pdf)).toEqual([[300, 120, "image"]]);
});

it("a JPEG replaces it and is embedded as JPEG; removing it leaves the PDF without an image", async () => {
  await setInvoiceLogo(s.admin, { file: file(await image(200, 80, "jpeg"), "logo.jpg", "image/jpeg") });
  expect((await readInvoiceLogo(s.admin))?.mime).toBe("image/jpeg");
  const id = await issuedInvoice();
  if (hasPoppler) expect(pdfImages((await renderInvoicePdf(s.admin, id)).pdf)).toEqual([[200, 80, "jpeg"]]);

  await removeInvoiceLogo(s.admin);
  expect(await readInvoiceLogo(s.admin)).toBeNull();
  await actAs(s.admin.id);
  expect((await GET(new NextRequest(URL))).status).toBe(404);
  if (hasPoppler) expect(pdfImages((await renderInvoicePdf(s.admin, id)).pdf)).toEqual([]);
});

it("refuses other types, files over 1 MB or 2,000 pixels, unreadable images; keeps the logo it had", async () => {
  await actAs(s.admin.id);
  const png = await image(100, 40, "png");
  await setInvoiceLogo(s.admin, { file: file(png, "logo.png") });

  const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
  expect(await outcome(upload(gif, "logo.png"))).toEqual([303, "/invoices/settings?logo=wrong_type"]);
  const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
  expect(await outcome(upload(svg, "logo.png"))).toEqual([303, "/invoices/settings?logo=wrong_type"]);
  const big = new Uint8Array(LOGO_MAX_BYTES + 1);
  big.set(png);
  expect(await outcome(upload(big, "big.png"))).toEqual([303, "/invoices/settings?logo=too_big"]);
  expect(await outcome(upload(await image(2500, 20, "jpeg"), "wide.jpg"))).toEqual([
    303,
    "/invoices/settings?logo=too_large",
  ]);
  // A real PNG header cut short: the type and size read fine, the image data does not.
  const cut = png.subarray(0, 40);
  expect(await outcome(upload(cut, "cut.png"))).toEqual([303, "/invoices/settings?logo=unreadable"]);
  expect(await outcome(upload(new Uint8Array(), "empty.png"))).toEqual([303, "/invoices/settings?logo=missing"]);
  expect(await actionCodeOf(setInvoiceLogo(s.admin, { file: "not a file" }))).toBe("VALIDATION");

  expect((await readInvoiceLogo(s.admin))?.bytes).toEqual(png);
});

it("members and anonymous callers can neither upload, see nor remove it; cross-site uploads are refused", async () => {
  const png = await image(50, 20, "png");
  await setInvoiceLogo(s.admin, { file: file(png, "logo.png") });
  await actAs(null);
  expect((await upload(png, "x.png")).status).toBe(401);
  expect((await GET(new NextRequest(URL))).status).toBe(401);
  await actAs(s.alice.id);
  expect((await upload(png, "x.png")).status).toBe(403);
  expect((await GET(new NextRequest(URL))).status).toBe(403);
  expect(await actionCodeOf(setInvoiceLogo(s.alice, { file: file(png, "x.png") }))).toBe("FORBIDDEN");
  expect(await actionCodeOf(removeInvoiceLogo(s.alice))).toBe("FORBIDDEN");
  await actAs(s.admin.id);
  expect((await upload(png, "x.png", { origin: "https://evil.example", host: "localhost" })).status).toBe(403);
  expect((await readInvoiceLogo(s.admin))?.bytes).toEqual(png);
});
