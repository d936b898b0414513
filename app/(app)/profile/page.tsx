// Profile page: the signed-in user's own details, preferences, password and sessions.
import Link from "next/link";
import { userOrRedirect } from "@/lib/auth/session";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { PasswordForm } from "./_components/password-form";
import { ProfileForm } from "./_components/profile-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";

export const metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await userOrRedirect();
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="profile-h">
        <h1 id="profile-h" className="mb-4 text-2xl font-semibold">
          Profile
        </h1>
        <ProfileForm
          user={{ fullName: user.fullName, email: user.email, timezone: user.timezone ?? "", theme: user.theme }}
          zones={zones}
        />
      </section>
      <section aria-labelledby="password-h">
        <h2 id="password-h" className="mb-4 text-xl font-semibold">
          Change password
        </h2>
        <PasswordForm rule={PASSWORD_RULE} />
      </section>
      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h" className="mb-4 text-xl font-semibold">
          Sessions
        </h2>
        <p className="mb-3 text-sm">
          <Link href="/profile/sessions" className="text-blue-700 underline dark:text-blue-400">
            See where you are signed in
          </Link>{" "}
          and end single sessions.
        </p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
