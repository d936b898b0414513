"use server";
// Admin invitations page: invite an address, revoke an open invitation, and the sign-up domains.
// Administrators only; the services authorize.
import { defineAction } from "@/lib/action";
import { createInvitation, revokeInvitation, setSignupDomains } from "@/lib/services/invitations";
import { ZCreateInvitation, ZInvitationRef, ZSignupDomainsUpdate } from "@/lib/validation/auth";

export const createInvitationAction = defineAction({
  name: "admin.invite",
  access: "admin",
  from: "form",
  input: ZCreateInvitation,
  run: (actor, input) => createInvitation(actor, input),
  revalidate: ["/admin/invitations"],
});

export const revokeInvitationAction = defineAction({
  name: "admin.revoke_invitation",
  access: "admin",
  from: "form",
  input: ZInvitationRef,
  run: (actor, input) => revokeInvitation(actor, input),
  revalidate: ["/admin/invitations"],
});

export const setSignupDomainsAction = defineAction({
  name: "admin.set_signup_domains",
  access: "admin",
  from: "form",
  input: ZSignupDomainsUpdate,
  run: (actor, input) => setSignupDomains(actor, input),
  revalidate: ["/admin/invitations"],
});
