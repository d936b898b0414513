// Reset password: the page a reset link opens. An unusable link says so before asking for anything.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { isPasswordResetTokenUsable } from "@/lib/services/password-reset";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { completePasswordResetAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("ResetPassword"))("title"), referrer: "no-referrer" as const };
}
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectUntilSetup("/reset-password");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const [usable, t] = await Promise.all([isPasswordResetTokenUsable(token), getTranslations("ResetPassword")]);
  return (
    <AuthCard title={t("title")} intro={usable ? t("intro") : undefined}>
      {usable ? (
        <ResetPasswordForm action={completePasswordResetAction} token={token} rule={PASSWORD_RULE} />
      ) : (
        <AuthNotice tone="warning">
          {t.rich("invalid", {
            link: (chunks) => (
              <Link href="/forgot-password" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </AuthNotice>
      )}
    </AuthCard>
  );
}
