// Invoicing set-up (admins): the seller's details and defaults (one row), named tax rates, and each
// client's currency and tax id. Reads for building invoices take a caller like every admin service.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isCurrencyCode, type PriceMode, type RoundingRule, type TaxRate } from "@/lib/money";
import { track } from "@/lib/observability/track";
import { ZArchive, type TArchive } from "@/lib/validation/common";
import {
  ZClientBilling,
  ZInvoiceSettings,
  ZTaxRate,
  type TClientBilling,
  type TInvoiceSettings,
  type TTaxRate,
} from "@/lib/validation/invoices";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import { withUniqueName } from "./catalog";

export interface InvoiceSettingsDto {
  legalName: string;
  address: string;
  taxId: string;
  paymentDetails: string;
  footerNote: string;
  numberPattern: string;
  creditPattern: string;
  dueDays: number;
  priceMode: PriceMode;
  rounding: RoundingRule;
  paperSize: "A4" | "Letter";
  hasLogo: boolean;
  /** Changes when the settings row does: a cache-busting query for the logo's address. */
  logoVersion: number;
}

export interface TaxRateDto extends TaxRate {
  id: string;
  isDefault: boolean;
  archived: boolean;
}

const NO_TAX: TaxRate = { name: "No tax", rateBp: 0 };
export const REVERSE_CHARGE: TaxRate = { name: "Reverse charge", rateBp: 0 };

export async function getInvoiceSettings(actor: Caller): Promise<InvoiceSettingsDto> {
  assertAdmin(actor, "work with invoices");
  await db().invoiceSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
  const { logoType, rounding, paperSize, updatedAt, ...row } = await db().invoiceSettings.findUniqueOrThrow({
    where: { id: 1 },
    omit: { id: true, logo: true },
  });
  return {
    ...row,
    rounding: rounding === "half_even" ? "half-even" : "half-up",
    paperSize: paperSize === "Letter" ? "Letter" : "A4",
    hasLogo: logoType !== null,
    logoVersion: updatedAt.getTime(),
  };
}

export async function updateInvoiceSettings(actor: Caller, input: TInvoiceSettings): Promise<void> {
  assertAdmin(actor, "change the invoice settings");
  const data = ZInvoiceSettings.parse(input);
  await db().invoiceSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  track("admin.settings_updated", {}, { userId: actorUserId(actor) });
}

export async function listTaxRates(actor: Caller, opts: { includeArchived?: boolean } = {}): Promise<TaxRateDto[]> {
  assertAdmin(actor, "work with invoices");
  return db().taxRate.findMany({
    where: opts.includeArchived ? {} : { archived: false },
    orderBy: [{ archived: "asc" }, { isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, rateBp: true, isDefault: true, archived: true },
  });
}

export async function createTaxRate(actor: Caller, input: TTaxRate): Promise<{ id: string }> {
  assertAdmin(actor, "manage tax rates");
  const { name, ratePercent, isDefault } = ZTaxRate.parse(input);
  return db().$transaction(async (tx) => {
    if (isDefault) await tx.taxRate.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    return withUniqueName("A tax rate with that name already exists.", () =>
      tx.taxRate.create({ data: { name, rateBp: ratePercent, isDefault }, select: { id: true } }),
    );
  });
}

export async function setTaxRateArchived(actor: Caller, input: TArchive): Promise<void> {
  assertAdmin(actor, "manage tax rates");
  const { id, archived } = ZArchive.parse(input);
  const { count } = await db().taxRate.updateMany({ where: { id }, data: { archived, isDefault: false } });
  if (count === 0) throw new AppError("NOT_FOUND", "That tax rate does not exist.");
}

/** The rate to apply: the one chosen, else the default, else none. Refuses an unknown or archived id. */
export async function taxRateFor(id: string | null): Promise<TaxRate> {
  const row = id
    ? await db().taxRate.findFirst({ where: { id, archived: false }, select: { name: true, rateBp: true } })
    : await db().taxRate.findFirst({
        where: { isDefault: true, archived: false },
        select: { name: true, rateBp: true },
      });
  if (id && !row)
    throw new AppError("VALIDATION", "Choose a tax rate from the list.", { taxRateId: ["Choose a tax rate."] });
  return row ?? NO_TAX;
}

export async function updateClientBilling(actor: Caller, input: TClientBilling): Promise<void> {
  assertAdmin(actor, "change a client's billing details");
  const { id, currency, taxId } = ZClientBilling.parse(input);
  if (currency && !isCurrencyCode(currency)) {
    throw new AppError("VALIDATION", "That is not an ISO 4217 currency code.", { currency: ["Unknown currency."] });
  }
  const { count } = await db().client.updateMany({ where: { id }, data: { currency, taxId } });
  if (count === 0) throw new AppError("NOT_FOUND", "That client does not exist.");
}
