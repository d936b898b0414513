// An issued invoice (or credit note) as a PDF, drawn with pdfkit on the server (no browser): seller
// and client blocks, lines, the tax breakdown, totals, due date, payment details and notes. DejaVu
// Sans is embedded (subset) so names in Greek, Cyrillic, etc. render; A4 or Letter per the settings.
import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { assertAdmin, type Caller } from "./actor";
import { getInvoice } from "./invoice-queries";
import { getInvoiceSettings } from "./invoice-settings";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

interface Snapshot {
  seller?: { name?: string; address?: string; taxId?: string; paymentDetails?: string; footerNote?: string };
  client?: { name?: string; address?: string; taxId?: string; contact?: string };
}

const qty = (m: number) => (m / 1000).toLocaleString("en", { maximumFractionDigits: 3 });
const pct = (bp: number) => `${(bp / 100).toLocaleString("en", { maximumFractionDigits: 2 })} %`;

export async function renderInvoicePdf(actor: Caller, id: string): Promise<{ filename: string; pdf: Buffer }> {
  assertAdmin(actor, "download invoices");
  const inv = await getInvoice(actor, id);
  if (!inv.number) throw new AppError("CONFLICT", "A draft has no PDF yet: issue it first.");
  const settings = await getInvoiceSettings(actor);
  const logo = settings.hasLogo
    ? (await db().invoiceSettings.findUnique({ where: { id: 1 }, select: { logo: true } }))?.logo
    : null;
  const snap = (inv.snapshot ?? {}) as Snapshot;
  const seller = snap.seller ?? {};
  const client = snap.client ?? {};
  const m = (v: number) => formatMoney(v, inv.currency);

  const doc = new PDFDocument({
    size: settings.paperSize === "Letter" ? "LETTER" : "A4",
    margin: 50,
    font: REGULAR,
    info: { Title: `${inv.kind === "credit_note" ? "Credit note" : "Invoice"} ${inv.number}`, Creator: "TimeTracker" },
  });
  doc.registerFont("body", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (logo) {
    try {
      doc.image(Buffer.from(logo), left, 40, { fit: [120, 60] });
    } catch {
      // A logo pdfkit cannot read is left out rather than failing the invoice.
    }
  }
  doc
    .font("bold")
    .fontSize(10)
    .text(seller.name ?? "", left + width / 2, 45, { width: width / 2, align: "right" });
  doc.font("body").fontSize(9);
  if (seller.address) doc.text(seller.address, { width: width / 2, align: "right" });
  if (seller.taxId) doc.text(`Tax id: ${seller.taxId}`, { width: width / 2, align: "right" });

  doc.moveDown(3).x = left;
  doc
    .font("bold")
    .fontSize(10)
    .text(client.name ?? inv.clientName, left, Math.max(doc.y, 130));
  doc.font("body").fontSize(9);
  if (client.address) doc.text(client.address);
  if (client.taxId) doc.text(`Tax id: ${client.taxId}`);

  doc.moveDown(2);
  doc
    .font("bold")
    .fontSize(16)
    .text(`${inv.kind === "credit_note" ? "Credit note" : "Invoice"} ${inv.number}`);
  doc.font("body").fontSize(9);
  doc.text(
    `Date: ${inv.issueDate}    Due: ${inv.dueDate}${inv.periodFrom ? `    Period: ${inv.periodFrom} – ${inv.periodTo}` : ""}`,
  );
  if (inv.creditedNumber) doc.text(`Cancels invoice ${inv.creditedNumber}`);
  doc.moveDown();

  // Lines: description | qty | price | tax | amount
  const cols = [width * 0.46, width * 0.1, width * 0.16, width * 0.1, width * 0.18];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    if (y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const top = doc.y;
    let x = left;
    let bottom = top;
    doc.font(bold ? "bold" : "body").fontSize(9);
    cells.forEach((c, i) => {
      doc.text(c, x, top, { width: cols[i] - 4, align: i === 0 ? "left" : "right" });
      bottom = Math.max(bottom, doc.y);
      x += cols[i];
    });
    doc.x = left;
    doc.y = bottom + 2;
  };
  row(["Description", "Qty", "Price", "Tax", "Amount"], true);
  for (const l of inv.lines) {
    row([l.description, qty(l.quantityMilli), m(l.unitPrice), pct(l.taxRateBp), m(l.amount)]);
  }
  doc.moveDown();
  const total = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? "bold" : "body").fontSize(bold ? 11 : 9);
    doc.text(label, left, y, { width: width * 0.8, align: "right" });
    doc.text(value, left + width * 0.8, y, { width: width * 0.2, align: "right" });
    doc.x = left;
  };
  total(inv.priceMode === "gross" ? "Net (included)" : "Net", m(inv.netMinor));
  for (const t of inv.taxes) total(`${t.name} ${pct(t.rateBp)} on ${m(t.net)}`, m(t.tax));
  total("Total", m(inv.totalMinor), true);
  if (inv.paidMinor > 0) {
    total("Paid", m(inv.paidMinor));
    total("Outstanding", m(inv.totalMinor - inv.paidMinor), true);
  }
  doc.moveDown(2).font("body").fontSize(9);
  if (inv.reverseCharge) doc.text("Reverse charge: VAT to be accounted for by the recipient.", left);
  if (inv.kind === "invoice") doc.text(`Please pay ${m(inv.totalMinor - inv.paidMinor)} by ${inv.dueDate}.`, left);
  if (seller.paymentDetails) doc.text(`Payment details: ${seller.paymentDetails}`, left);
  if (inv.notes) doc.moveDown().text(inv.notes, left);
  if (seller.footerNote) doc.moveDown().text(seller.footerNote, left);
  doc.end();
  await done;
  return { filename: `${inv.number}.pdf`, pdf: Buffer.concat(chunks) };
}
