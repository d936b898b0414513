// The organization's logo (admins), printed at the top left of invoice PDFs and shown on the invoice
// page: PNG or JPEG as told by the file's first bytes (never its name or claimed type), at most 1 MB
// and 2,000 × 2,000 pixels, and readable by the PDF library (checked at upload, so a broken file is
// refused then rather than silently left off later invoices). Kept in the invoice settings row,
// not the data folder: the backup then holds it, and several instances on PostgreSQL all see it.
import "server-only";
import PDFDocument from "pdfkit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { actorUserId, assertAdmin, type Caller } from "./actor";

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MAX_PIXELS = 2000;

export type LogoMime = "image/png" | "image/jpeg";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const fieldError = (message: string) => new AppError("VALIDATION", message, { logo: [message] });

/** Type and pixel size from the bytes: PNG's IHDR, or JPEG's first start-of-frame marker. */
export function imageInfo(b: Uint8Array): { mime: LogoMime; width: number; height: number } | null {
  const u16 = (i: number) => (b[i] << 8) | b[i + 1];
  if (b.length >= 24 && PNG.every((v, i) => b[i] === v)) {
    if (String.fromCharCode(...b.subarray(12, 16)) !== "IHDR") return null;
    const u32 = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    return { mime: "image/png", width: u32(16), height: u32(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++; // fill byte
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2; // no length
        continue;
      }
      // SOF0–SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: "image/jpeg", width: u16(i + 7), height: u16(i + 5) };
      }
      if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before a frame
      i += 2 + u16(i + 2);
    }
  }
  return null;
}

/** Whether pdfkit can place the image (it parses PNG chunks and JPEG markers itself). */
async function pdfCanRead(bytes: Buffer): Promise<boolean> {
  try {
    const doc = new PDFDocument({ size: [200, 100], margin: 0 });
    const done = new Promise<void>((resolve, reject) => {
      doc.on("data", () => undefined);
      doc.on("end", resolve);
      doc.on("error", reject);
    });
    doc.image(bytes, 0, 0, { fit: [120, 60] });
    doc.end();
    await done;
    return true;
  } catch {
    return false;
  }
}

/** Stores (or replaces) the logo. `file` is the uploaded form field. */
export async function setInvoiceLogo(actor: Caller, input: { file: unknown }): Promise<void> {
  assertAdmin(actor, "change the invoice logo");
  const file = input.file;
  if (!(file instanceof Blob) || file.size === 0) throw fieldError("Choose a PNG or JPEG file.");
  if (file.size > LOGO_MAX_BYTES) throw fieldError("A logo can be at most 1 MB.");
  const bytes = Buffer.from(await file.arrayBuffer());
  const info = imageInfo(bytes);
  if (!info) throw fieldError("A logo must be a PNG or JPEG image.");
  if (info.width < 1 || info.height < 1 || info.width > LOGO_MAX_PIXELS || info.height > LOGO_MAX_PIXELS) {
    throw fieldError(
      `A logo can be at most ${LOGO_MAX_PIXELS.toLocaleString("en")} × ${LOGO_MAX_PIXELS.toLocaleString("en")} pixels.`,
    );
  }
  if (!(await pdfCanRead(bytes))) throw fieldError("This image could not be read. Save it again as PNG or JPEG.");
  const data = { logo: new Uint8Array(bytes), logoType: info.mime };
  await db().invoiceSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  track("invoice.logo_set", { file_type: info.mime === "image/png" ? "png" : "jpeg" }, { userId: actorUserId(actor) });
}

export async function removeInvoiceLogo(actor: Caller): Promise<void> {
  assertAdmin(actor, "change the invoice logo");
  await db().invoiceSettings.updateMany({ where: { id: 1 }, data: { logo: null, logoType: null } });
  track("invoice.logo_removed", {}, { userId: actorUserId(actor) });
}

/** The logo's bytes and type, or null when none is set. */
export async function readInvoiceLogo(actor: Caller): Promise<{ bytes: Buffer; mime: LogoMime } | null> {
  assertAdmin(actor, "see the invoice logo");
  const row = await db().invoiceSettings.findUnique({ where: { id: 1 }, select: { logo: true, logoType: true } });
  if (!row?.logo || (row.logoType !== "image/png" && row.logoType !== "image/jpeg")) return null;
  return { bytes: Buffer.from(row.logo), mime: row.logoType };
}
