// Forgot password: asks for a reset link by email, or says whom to ask when this server cannot mail.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { linkMailReady } from "@/lib/mail/send";
import { RESET_TTL_MINUTES } from "@/lib/services/password-reset";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("ForgotPassword"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  await redirectUntilSetup("/forgot-password");
  const [t, ta] = await Promise.all([getTranslations("ForgotPassword"), getTranslations("Auth")]);
  return (
    <AuthCard title={t("heading")} intro={t("intro")}>
      {linkMailReady() ? (
        <ForgotPasswordForm action={requestPasswordResetAction} minutes={RESET_TTL_MINUTES} />
      ) : (
        <AuthNotice tone="warning">{t("noMail")}</AuthNotice>
      )}
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-blue-700 underline dark:text-blue-400">
          {ta("backToSignIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
