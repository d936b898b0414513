"use server";
// Invoices (admins): drafts from unbilled time, manual lines, issue, payments, credit notes, and the
// invoicing settings (seller details, tax rates, client currencies). The services authorize.
import { defineAction, ZNoInput } from "@/lib/action";
import { setDraftExchangeRate } from "@/lib/services/invoice-exchange";
import { cancelInvoice, issueInvoice, recordPayment } from "@/lib/services/invoice-lifecycle";
import { removeInvoiceLogo } from "@/lib/services/invoice-logo";
import {
  createTaxRate,
  setTaxRateArchived,
  updateClientBilling,
  updateInvoiceSettings,
} from "@/lib/services/invoice-settings";
import { addDraftLine, createInvoiceDraft, deleteInvoiceDraft } from "@/lib/services/invoices";
import { ZArchive, ZById } from "@/lib/validation/common";
import {
  ZClientBilling,
  ZDraftLine,
  ZInvoiceDraft,
  ZInvoiceSettings,
  ZIssueInvoice,
  ZPayment,
  ZSetExchangeRate,
  ZTaxRate,
} from "@/lib/validation/invoices";

export const createInvoiceAction = defineAction({
  name: "invoices.create",
  access: "admin",
  from: "form",
  input: ZInvoiceDraft,
  checkboxes: ["reverseCharge"],
  run: (actor, input) => createInvoiceDraft(actor, input),
  revalidate: ["/invoices"],
  redirect: (out) => `/invoices/${out.id}`,
});

export const addDraftLineAction = defineAction({
  name: "invoices.add_line",
  access: "admin",
  from: "form",
  input: ZDraftLine,
  run: (actor, input) => addDraftLine(actor, input),
  revalidate: ["/invoices"],
});

export const deleteInvoiceDraftAction = defineAction({
  name: "invoices.delete_draft",
  access: "admin",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteInvoiceDraft(actor, input),
  revalidate: ["/invoices"],
  redirect: () => "/invoices",
});

export const issueInvoiceAction = defineAction({
  name: "invoices.issue",
  access: "admin",
  from: "form",
  input: ZIssueInvoice,
  run: (actor, input) => issueInvoice(actor, input),
  revalidate: ["/invoices"],
});

export const recordPaymentAction = defineAction({
  name: "invoices.record_payment",
  access: "admin",
  from: "form",
  input: ZPayment,
  run: (actor, input) => recordPayment(actor, input),
  revalidate: ["/invoices"],
});

export const cancelInvoiceAction = defineAction({
  name: "invoices.cancel",
  access: "admin",
  from: "form",
  input: ZById,
  run: (actor, input) => cancelInvoice(actor, input),
  revalidate: ["/invoices"],
  redirect: (out) => `/invoices/${out.creditNoteId}`,
});

export const updateInvoiceSettingsAction = defineAction({
  name: "invoices.update_settings",
  access: "admin",
  from: "form",
  input: ZInvoiceSettings,
  run: (actor, input) => updateInvoiceSettings(actor, input),
  revalidate: ["/invoices"],
});

export const createTaxRateAction = defineAction({
  name: "invoices.create_tax_rate",
  access: "admin",
  from: "form",
  input: ZTaxRate,
  checkboxes: ["isDefault"],
  run: async (actor, input) => void (await createTaxRate(actor, input)),
  revalidate: ["/invoices"],
});

export const archiveTaxRateAction = defineAction({
  name: "invoices.archive_tax_rate",
  access: "admin",
  from: "form",
  input: ZArchive,
  run: (actor, input) => setTaxRateArchived(actor, input),
  revalidate: ["/invoices"],
});

export const updateClientBillingAction = defineAction({
  name: "invoices.update_client_billing",
  access: "admin",
  from: "form",
  input: ZClientBilling,
  run: (actor, input) => updateClientBilling(actor, input),
  revalidate: ["/invoices"],
});

export const removeInvoiceLogoAction = defineAction({
  name: "invoices.remove_logo",
  access: "admin",
  from: "form",
  input: ZNoInput,
  run: (actor) => removeInvoiceLogo(actor),
  revalidate: ["/invoices"],
});

export const setExchangeRateAction = defineAction({
  name: "invoices.set_exchange_rate",
  access: "admin",
  from: "form",
  input: ZSetExchangeRate,
  run: (actor, input) => setDraftExchangeRate(actor, input),
  revalidate: ["/invoices"],
});
