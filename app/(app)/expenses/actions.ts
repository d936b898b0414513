"use server";
// Expenses (project costs): record, edit and delete. Members act on their own; admins on anyone's.
// The service authorizes and refuses changes to billed expenses.
import { defineAction } from "@/lib/action";
import { createExpense, deleteExpense, updateExpense } from "@/lib/services/expenses";
import { ZById } from "@/lib/validation/common";
import { ZExpense, ZExpenseUpdate } from "@/lib/validation/expenses";

export const createExpenseAction = defineAction({
  name: "expenses.create",
  access: "user",
  from: "form",
  input: ZExpense,
  checkboxes: ["billable"],
  run: async (actor, input) => void (await createExpense(actor, input)),
  revalidate: ["/expenses"],
});

export const updateExpenseAction = defineAction({
  name: "expenses.update",
  access: "user",
  from: "form",
  input: ZExpenseUpdate,
  checkboxes: ["billable"],
  run: async (actor, input) => void (await updateExpense(actor, input)),
  revalidate: ["/expenses"],
});

export const deleteExpenseAction = defineAction({
  name: "expenses.delete",
  access: "user",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteExpense(actor, input),
  revalidate: ["/expenses"],
});
