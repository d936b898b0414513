// Invitation page: the link from an admin's invitation or a sign-up email. Creates the account.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { getInvitationForToken } from "@/lib/services/invitations";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Invite"))("title"), referrer: "no-referrer" as const };
}
export const dynamic = "force-dynamic";

export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectUntilSetup("/invite");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const [invitation, t] = await Promise.all([getInvitationForToken(token), getTranslations("Invite")]);
  return (
    <AuthCard
      title={t("title")}
      intro={invitation ? t("for", { email: invitation.email, role: invitation.role }) : undefined}
    >
      {invitation ? (
        <AcceptInvitationForm action={acceptInvitationAction} token={token} rule={PASSWORD_RULE} />
      ) : (
        <AuthNotice tone="warning">
          {t.rich("invalid", {
            link: (chunks) => (
              <Link href="/login" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </AuthNotice>
      )}
    </AuthCard>
  );
}
