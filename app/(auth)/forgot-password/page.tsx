// Forgot password: asks for a reset link by email, or says whom to ask when this server cannot mail.
import Link from "next/link";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { linkMailReady } from "@/lib/mail/send";
import { RESET_TTL_MINUTES } from "@/lib/services/password-reset";
import { requestPasswordResetAction } from "./actions";

export const metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  await redirectUntilSetup("/forgot-password");
  return (
    <AuthCard title="Forgot your password?" intro="Enter the email address of your account.">
      {linkMailReady() ? (
        <ForgotPasswordForm action={requestPasswordResetAction} minutes={RESET_TTL_MINUTES} />
      ) : (
        <AuthNotice tone="warning">
          This server cannot send email. Ask an administrator: they can set a new password for you or give you a reset
          link.
        </AuthNotice>
      )}
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-blue-700 underline dark:text-blue-400">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
