"use server";
// Clients: create, edit, archive/unarchive, delete (admins). The services authorize.
import { defineAction } from "@/lib/action";
import { createClient, deleteClient, setClientArchived, updateClient } from "@/lib/services/clients";
import { ZClient, ZClientUpdate } from "@/lib/validation/clients";
import { ZArchive, ZById } from "@/lib/validation/common";

export const createClientAction = defineAction({
  name: "clients.create",
  access: "user",
  from: "form",
  input: ZClient,
  run: async (actor, input) => ({ id: (await createClient(actor, input)).id }),
  revalidate: ["/clients"],
});

export const updateClientAction = defineAction({
  name: "clients.update",
  access: "user",
  from: "form",
  input: ZClientUpdate,
  run: async (actor, input) => void (await updateClient(actor, input)),
  revalidate: ["/clients"],
});

export const archiveClientAction = defineAction({
  name: "clients.archive",
  access: "user",
  from: "form",
  input: ZArchive,
  run: (actor, input) => setClientArchived(actor, input),
  revalidate: ["/clients"],
});

export const deleteClientAction = defineAction({
  name: "clients.delete",
  access: "user",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteClient(actor, input),
  revalidate: ["/clients"],
});
