// The countdown shown on every signed-in page while the organization's two-factor policy covers
// the user and their grace period runs (afterwards the layout sends them to enrolment instead).
import { useTranslations } from "next-intl";
import Link from "next/link";

const DAY_MS = 24 * 3600_000;

export function TwoFactorBanner({ deadline, now = new Date() }: { deadline: Date; now?: Date }) {
  const t = useTranslations("TwoFactorBanner");
  const days = Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS));
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {t.rich("text", { days, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
      <Link href="/profile/security" className="font-medium underline">
        {t("setUp")}
      </Link>
    </p>
  );
}
