"use server";
// Hourly rates (admins): add an effective-dated rate at one level, remove one. The service authorizes.
import { defineAction } from "@/lib/action";
import { createRate, deleteRate } from "@/lib/services/rates";
import { ZById } from "@/lib/validation/common";
import { ZRate } from "@/lib/validation/rates";

export const createRateAction = defineAction({
  name: "rates.create",
  access: "admin",
  from: "form",
  input: ZRate,
  run: async (actor, input) => void (await createRate(actor, input)),
  revalidate: ["/rates"],
});

export const deleteRateAction = defineAction({
  name: "rates.delete",
  access: "admin",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteRate(actor, input),
  revalidate: ["/rates"],
});
