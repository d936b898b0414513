// Reset password: the page a reset link opens. An unusable link says so before asking for anything.
import Link from "next/link";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { isPasswordResetTokenUsable } from "@/lib/services/password-reset";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { completePasswordResetAction } from "./actions";

export const metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectUntilSetup("/reset-password");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const usable = await isPasswordResetTokenUsable(token);
  return (
    <AuthCard title="Choose a new password" intro={usable ? "Setting it signs you out on every device." : undefined}>
      {usable ? (
        <ResetPasswordForm action={completePasswordResetAction} token={token} rule={PASSWORD_RULE} />
      ) : (
        <AuthNotice tone="warning">
          This link is invalid, was already used or has expired.{" "}
          <Link href="/forgot-password" className="underline">
            Ask for a new one
          </Link>
          .
        </AuthNotice>
      )}
    </AuthCard>
  );
}
