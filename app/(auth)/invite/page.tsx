// Invitation page: the link from an admin's invitation or a sign-up email. Creates the account.
import Link from "next/link";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { getInvitationForToken } from "@/lib/services/invitations";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { acceptInvitationAction } from "./actions";

export const metadata = { title: "Create your account", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectUntilSetup("/invite");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const invitation = await getInvitationForToken(token);
  return (
    <AuthCard
      title="Create your account"
      intro={
        invitation ? `For ${invitation.email}${invitation.role === "admin" ? ", as an administrator" : ""}.` : undefined
      }
    >
      {invitation ? (
        <AcceptInvitationForm action={acceptInvitationAction} token={token} rule={PASSWORD_RULE} />
      ) : (
        <AuthNotice tone="warning">
          This invitation is invalid, was already used or has expired. Ask whoever invited you for a new one.{" "}
          <Link href="/login" className="underline">
            Sign in
          </Link>{" "}
          if you already have an account.
        </AuthNotice>
      )}
    </AuthCard>
  );
}
