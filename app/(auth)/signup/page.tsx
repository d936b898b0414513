// Sign-up page: open only when the organization allows self-registration (Admin → Settings).
import Link from "next/link";
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

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  await redirectUntilSetup("/signup");
  if (await optionalUser()) redirect("/");
  const s = await getOrgSettings();
  const domains = s.signupDomains ? s.signupDomains.split(",") : [];
  return (
    <AuthCard
      title={`Join ${s.name}`}
      intro={
        s.selfRegistration && domains.length
          ? `Open to email addresses at ${domains.join(", ")}.`
          : s.selfRegistration
            ? "Create your account to start tracking time."
            : undefined
      }
    >
      {!s.selfRegistration ? (
        <AuthNotice tone="warning">Sign-up is closed. Ask an administrator to invite you.</AuthNotice>
      ) : linkMailReady() ? (
        <RequestSignupForm action={requestSignupAction} days={INVITE_TTL_DAYS} />
      ) : (
        <SignUpForm action={signUpAction} rule={PASSWORD_RULE} />
      )}
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href="/login" className="text-blue-700 underline dark:text-blue-400">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
