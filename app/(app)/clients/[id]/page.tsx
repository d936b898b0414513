// One client: edit its details; lists its projects.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { userOrRedirect } from "@/lib/auth/session";
import { getClient } from "@/lib/services/clients";
import { listProjects } from "@/lib/services/projects";
import { canSeeMoney } from "@/lib/services/settings";
import { ClientFields } from "../_components/client-fields";
import { updateClientAction } from "../actions";

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await userOrRedirect();
  const { id } = await params;
  const client = await getClient(user, id).catch(() => null);
  if (!client) notFound();
  const t = await getTranslations("Client");
  const [projects, money] = await Promise.all([
    listProjects(user, { includeArchived: true, clientId: id }),
    canSeeMoney(user),
  ]);
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section>
        <h1 className="mb-4 text-2xl font-semibold">{client.name}</h1>
        <ActionForm action={updateClientAction} submitLabel={t("save")} successMessage={t("saved")}>
          <ClientFields c={client} money={money} />
        </ActionForm>
      </section>
      <section>
        <h2 className="mb-4 text-xl font-semibold">{t("projectsTitle")}</h2>
        {projects.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("projectsEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {projects.map((p) => (
              <li key={p.id}>
                <Link href={`/projects/${p.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                  {p.name}
                </Link>
                {p.archived && t("archived")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
