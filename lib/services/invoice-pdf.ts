// An issued invoice (or credit note) as a PDF, drawn with pdfkit on the server (no browser): seller
// and client blocks, lines, the tax breakdown, totals, due date, payment details and notes. DejaVu
// Sans is embedded (subset) so names in Greek, Cyrillic, etc. render; A4 or Letter per the settings.
// Labels come from messages/en.json ("InvoicePdf") through use-intl's translator: the PDF is drawn
// outside a request (the benchmark calls it too), so it takes the locale explicitly.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { create, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import messages from "@/messages/en.json";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { assertAdmin, type Caller } from "./actor";
import { getInvoice, type InvoiceDto } from "./invoice-queries";
import { inHomeCurrency } from "./invoice-exchange";
import { readInvoiceLogo } from "./invoice-logo";
import { getInvoiceSettings } from "./invoice-settings";
import { getOrgSettings } from "./settings";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

/**
 * The two fonts, read and parsed once per process. pdfkit given a path reads and parses the 700 KB
 * file per document (three times: the default font and each registered name), and fontkit then
 * decodes its tables and glyph metrics again for every new font object: that was ~3/4 of a 500-line
 * invoice's 2–3 s. A parsed font is read-only apart from its own caches; each document still makes
 * its own subset (pdfkit's EmbeddedFont), so documents never share state that ends up in the file.
 */
let fonts: { regular: Font; bold: Font } | null = null;
function loadFonts(): { regular: Font; bold: Font } {
  const open = (file: string) => {
    const f = create(fs.readFileSync(path.join(FONT_DIR, file)));
    if (!("layout" in f)) throw new Error(`${file} is a font collection`);
    return f;
  };
  fonts ??= { regular: open("DejaVuSans.ttf"), bold: open("DejaVuSans-Bold.ttf") };
  return fonts;
}

interface Snapshot {
  seller?: { name?: string; address?: string; taxId?: string; paymentDetails?: string; footerNote?: string };
  client?: { name?: string; address?: string; taxId?: string; contact?: string };
}

// One formatter each (toLocaleString would build a new one per call).
const QTY = new Intl.NumberFormat("en", { maximumFractionDigits: 3 });
const PCT = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const qty = (m: number) => QTY.format(m / 1000);
const pct = (bp: number) => `${PCT.format(bp / 100)} %`;

/** The PDF's labels; one locale (English) for now, like the pages (lib/i18n/config.ts). Made once. */
const makeLabels = () => createTranslator({ locale: DEFAULT_LOCALE, messages, namespace: "InvoicePdf" });
let translator: ReturnType<typeof makeLabels> | null = null;
const labels = () => (translator ??= makeLabels());

export async function renderInvoicePdf(actor: Caller, id: string): Promise<{ filename: string; pdf: Buffer }> {
  assertAdmin(actor, "download invoices");
  const inv = await getInvoice(actor, id);
  if (!inv.number) throw new AppError("CONFLICT", "A draft has no PDF yet: issue it first.");
  const settings = await getInvoiceSettings(actor);
  const logo = settings.hasLogo ? await readInvoiceLogo(actor) : null;
  const home = (await getOrgSettings()).currency;
  const pdf = await drawInvoicePdf(inv, { paperSize: settings.paperSize, logo: logo?.bytes ?? null, home });
  return { filename: `${inv.number}.pdf`, pdf };
}

/** Draws the PDF of an invoice as read by getInvoice (no database access: the benchmark calls it too). */
export async function drawInvoicePdf(
  inv: InvoiceDto,
  opts: { paperSize: "A4" | "Letter"; logo: Buffer | null; home?: string },
): Promise<Buffer> {
  const { logo } = opts;
  const snap = (inv.snapshot ?? {}) as Snapshot;
  const seller = snap.seller ?? {};
  const client = snap.client ?? {};
  const m = (v: number) => formatMoney(v, inv.currency);
  const t = labels();
  const title = t(inv.kind === "credit_note" ? "creditNote" : "invoice", { number: inv.number ?? "" });

  const doc = new PDFDocument({
    size: opts.paperSize === "Letter" ? "LETTER" : "A4",
    margin: 50,
    info: { Title: title, Creator: "TimeTracker" },
  });
  const { regular, bold } = loadFonts();
  // pdfkit accepts a fontkit font object (anything with layout()); its types list only files and buffers.
  doc.registerFont("body", regular as unknown as Buffer);
  doc.registerFont("bold", bold as unknown as Buffer);
  doc.font("body");
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
      doc.image(logo, left, 40, { fit: [120, 60] });
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
  if (seller.taxId) doc.text(t("taxId", { taxId: seller.taxId }), { width: width / 2, align: "right" });

  doc.moveDown(3).x = left;
  doc
    .font("bold")
    .fontSize(10)
    .text(client.name ?? inv.clientName, left, Math.max(doc.y, 130));
  doc.font("body").fontSize(9);
  if (client.address) doc.text(client.address);
  if (client.taxId) doc.text(t("taxId", { taxId: client.taxId }));

  doc.moveDown(2);
  doc.font("bold").fontSize(16).text(title);
  doc.font("body").fontSize(9);
  const dates = { date: inv.issueDate ?? "", due: inv.dueDate ?? "" };
  doc.text(
    inv.periodFrom
      ? t("datesWithPeriod", { ...dates, from: inv.periodFrom, to: inv.periodTo ?? "" })
      : t("dates", dates),
  );
  if (inv.creditedNumber) doc.text(t("cancels", { number: inv.creditedNumber }));
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
  row([t("description"), t("quantity"), t("price"), t("tax"), t("amount")], true);
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
  total(t(inv.priceMode === "gross" ? "netIncluded" : "net"), m(inv.netMinor));
  for (const x of inv.taxes) total(t("taxOn", { name: x.name, rate: pct(x.rateBp), net: m(x.net) }), m(x.tax));
  total(t("total"), m(inv.totalMinor), true);
  const inHome = opts.home && opts.home !== inv.currency ? inHomeCurrency(inv.totalMinor, inv, opts.home) : null;
  if (inHome) {
    const label = t("inHomeCurrency", { home: inHome.currency, currency: inv.currency, rate: inHome.rate });
    total(label, formatMoney(inHome.minor, inHome.currency));
  }
  if (inv.paidMinor > 0) {
    total(t("paid"), m(inv.paidMinor));
    total(t("outstanding"), m(inv.totalMinor - inv.paidMinor), true);
  }
  doc.moveDown(2).font("body").fontSize(9);
  if (inv.reverseCharge) doc.text(t("reverseCharge"), left);
  if (inv.kind === "invoice") {
    doc.text(t("pleasePay", { amount: m(inv.totalMinor - inv.paidMinor), date: inv.dueDate ?? "" }), left);
  }
  if (seller.paymentDetails) doc.text(t("paymentDetails", { details: seller.paymentDetails }), left);
  if (inv.notes) doc.moveDown().text(inv.notes, left);
  if (seller.footerNote) doc.moveDown().text(seller.footerNote, left);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
