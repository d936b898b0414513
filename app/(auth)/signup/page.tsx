// Sign-up page: open only when the organization allows self-registration (Admin → Settings).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { RequestSignupForm, SignUpForm } from "@/components/auth/signup-forms";
import { optionalUser } from "@/lib/auth/session";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { linkMailReady } from "@/lib/mail/send";
import { INVITE_TTL_DAYS } from "@/lib/services/invitations";
import { getOrgSettings } from "@/lib/services/settings";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { requestSignupAction, signUpAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("SignUp"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  await redirectUntilSetup("/signup");
  if (await optionalUser()) redirect("/");
  const [s, t, ta] = await Promise.all([getOrgSettings(), getTranslations("SignUp"), getTranslations("Auth")]);
  const domains = s.signupDomains ? s.signupDomains.split(",") : [];
  return (
    <AuthCard
      title={t("join", { name: s.name })}
      intro={
        s.selfRegistration && domains.length
          ? t("openTo", { domains: domains.join(", ") })
          : s.selfRegistration
            ? t("intro")
            : undefined
      }
    >
      {!s.selfRegistration ? (
        <AuthNotice tone="warning">{t("closed")}</AuthNotice>
      ) : linkMailReady() ? (
        <RequestSignupForm action={requestSignupAction} days={INVITE_TTL_DAYS} />
      ) : (
        <SignUpForm action={signUpAction} rule={PASSWORD_RULE} />
      )}
      <p className="mt-6 text-sm">
        {t("haveAccount")}{" "}
        <Link href="/login" className="text-blue-700 underline dark:text-blue-400">
          {ta("signIn")}
        </Link>
      </p>
    </AuthCard>
  );
}
