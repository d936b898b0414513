"use server";
// Invitation (or sign-up) link: creates the account with the chosen username and password. Anonymous.
import { defineAction } from "@/lib/action";
import { requestClientAddress } from "@/lib/auth/client-address";
import { acceptInvitation } from "@/lib/services/invitations";
import { ZAcceptInvitation } from "@/lib/validation/auth";

export const acceptInvitationAction = defineAction({
  name: "auth.accept_invitation",
  access: "anonymous",
  from: "form",
  input: ZAcceptInvitation,
  run: async (_actor, input) => void (await acceptInvitation(input, await requestClientAddress())),
  redirect: () => "/login?notice=account-created",
});
