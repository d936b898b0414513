// Profile → two-factor sign-in: set up an authenticator app, see how many recovery codes are left,
// make new ones, or turn it off. Also where the organization's policy sends people who must enrol.
import Link from "next/link";
import { userOrRedirect } from "@/lib/auth/session";
import { enforceTwoFactorPolicy } from "@/lib/auth/two-factor-gate";
import { getTwoFactorStatus } from "@/lib/services/two-factor";
import { EnrolTwoFactor } from "./_components/enrol-two-factor";
import { DisableTwoFactor, RegenerateRecoveryCodes } from "./_components/manage-two-factor";

export const metadata = { title: "Two-factor sign-in" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await userOrRedirect();
  const [status, requirement] = await Promise.all([
    getTwoFactorStatus(user),
    enforceTwoFactorPolicy(user, "/profile/security"),
  ]);
  return (
    <section aria-labelledby="security-h" className="flex max-w-2xl flex-col gap-6">
      <div>
        <Link href="/profile" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
          ← Profile
        </Link>
        <h1 id="security-h" className="mt-1 mb-1 text-2xl font-semibold">
          Two-factor sign-in
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          After your password, TimeTracker also asks for a code from an authenticator app on your phone, so a stolen
          password alone cannot sign in.
        </p>
      </div>
      {requirement.required && (
        <p
          role="status"
          className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {requirement.overdue
            ? "Your organization requires two-factor sign-in. Set it up to continue using TimeTracker."
            : "Your organization requires two-factor sign-in. Set it up before the deadline shown at the top of the page."}{" "}
          <Link href="/logout" className="underline">
            Sign out
          </Link>
        </p>
      )}
      {status.enabled ? (
        <>
          <p
            role="status"
            className="rounded-md bg-green-50 p-3 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
          >
            Two-factor sign-in is <strong>on</strong>. {status.recoveryCodesLeft} of 10 recovery codes left.
          </p>
          <section aria-labelledby="codes-h">
            <h2 id="codes-h" className="mb-1 text-lg font-semibold">
              Recovery codes
            </h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              New codes replace the old ones. Enter your password to make them.
            </p>
            <RegenerateRecoveryCodes />
          </section>
          <section aria-labelledby="disable-h">
            <h2 id="disable-h" className="mb-1 text-lg font-semibold">
              Turn off
            </h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Your password and a current code (or a recovery code) are needed.
            </p>
            <DisableTwoFactor />
          </section>
        </>
      ) : (
        <EnrolTwoFactor />
      )}
    </section>
  );
}
