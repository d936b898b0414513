// Profile page: the signed-in user's own details, preferences, password and sessions.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { userOrRedirect } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getCalendarFeed } from "@/lib/services/calendar-feed";
import { timezoneOf } from "@/lib/services/entry-input";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { CalendarFeedCard } from "./_components/calendar-feed-card";
import { PasswordForm } from "./_components/password-form";
import { ProfileForm } from "./_components/profile-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";

export async function generateMetadata() {
  return { title: (await getTranslations("Profile"))("title") };
}

export default async function ProfilePage() {
  const user = await userOrRedirect();
  const zones = Intl.supportedValuesOf("timeZone");
  const [feed, tz, tf, t] = await Promise.all([
    getCalendarFeed(user),
    timezoneOf(user.id),
    getTranslations("CalendarFeed"),
    getTranslations("Profile"),
  ]);
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section aria-labelledby="profile-h">
        <h1 id="profile-h" className="mb-4 text-2xl font-semibold">
          {t("title")}
        </h1>
        <ProfileForm
          user={{ fullName: user.fullName, email: user.email, timezone: user.timezone ?? "", theme: user.theme }}
          zones={zones}
        />
      </section>
      <section aria-labelledby="password-h">
        <h2 id="password-h" className="mb-4 text-xl font-semibold">
          {t("passwordTitle")}
        </h2>
        <PasswordForm rule={PASSWORD_RULE} />
      </section>
      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h" className="mb-4 text-xl font-semibold">
          {t("sessionsTitle")}
        </h2>
        <p className="mb-3 text-sm">
          <Link href="/profile/sessions" className="text-blue-700 underline dark:text-blue-400">
            {t("sessionsLink")}
          </Link>{" "}
          {t("sessionsRest")}
        </p>
        <SignOutEverywhere />
      </section>
      <section aria-labelledby="two-factor-h">
        <h2 id="two-factor-h" className="mb-4 text-xl font-semibold">
          {t("twoFactorTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("twoFactorHint")}</p>
        <Link className="text-sm font-medium text-blue-700 underline dark:text-blue-400" href="/profile/security">
          {t("twoFactorLink")}
        </Link>
      </section>
      <section aria-labelledby="api-tokens-h">
        <h2 id="api-tokens-h" className="mb-4 text-xl font-semibold">
          {t("tokensTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{t("tokensHint")}</p>
        <Link className="text-sm font-medium text-blue-700 underline dark:text-blue-400" href="/profile/tokens">
          {t("tokensLink")}
        </Link>
      </section>
      <section aria-labelledby="calendar-feed-h">
        <h2 id="calendar-feed-h" className="mb-4 text-xl font-semibold">
          {tf("title")}
        </h2>
        <CalendarFeedCard
          feed={
            feed && {
              createdAt: formatDateTime(feed.createdAt, tz),
              lastUsedAt: feed.lastUsedAt && formatDateTime(feed.lastUsedAt, tz),
            }
          }
        />
      </section>
      <section aria-labelledby="webhooks-h">
        <h2 id="webhooks-h" className="mb-4 text-xl font-semibold">
          {t("webhooksTitle")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("webhooksHint")}{" "}
          <Link href="/profile/webhooks" className="text-blue-700 underline dark:text-blue-400">
            {t("webhooksLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
