// Sign-out page: one confirming button, so a link prefetch can never sign anyone out.
import { getTranslations } from "next-intl/server";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { LogoutButton } from "./_components/logout-button";

export async function generateMetadata() {
  return { title: (await getTranslations("Logout"))("title") };
}
export const dynamic = "force-dynamic";

export default async function LogoutPage() {
  await redirectUntilSetup("/logout");
  const t = await getTranslations("Logout");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600 dark:text-slate-400">{t("question")}</p>

      <LogoutButton />
    </main>
  );
}
