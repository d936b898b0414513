// The frame of the signed-out pages (forgot password, reset password, invitation, sign-up).
import { useTranslations } from "next-intl";

export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) {
  const t = useTranslations("Common");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-8">
      <p className="mb-1 text-2xl font-bold text-blue-700 dark:text-blue-400">{t("appName")}</p>

      <h1 className="mb-1 text-xl font-semibold">{title}</h1>
      {intro && <p className="mb-6 text-slate-600 dark:text-slate-400">{intro}</p>}
      {children}
    </main>
  );
}

export function AuthNotice({ children, tone = "info" }: { children: React.ReactNode; tone?: "info" | "warning" }) {
  const colors =
    tone === "warning"
      ? "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
      : "bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-100";
  return <div className={`mb-4 rounded-md p-3 text-sm ${colors}`}>{children}</div>;
}
