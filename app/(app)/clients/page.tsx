// Clients: the list (archived ones last, marked), and a form to add one.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionButton, DeleteButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { userOrRedirect } from "@/lib/auth/session";
import { listClients } from "@/lib/services/clients";
import { formatMoney } from "@/lib/format";
import { canSeeMoney, getOrgSettings } from "@/lib/services/settings";
import { ClientFields } from "./_components/client-fields";
import { archiveClientAction, createClientAction, deleteClientAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Clients"))("title") };
}

export default async function ClientsPage() {
  const user = await userOrRedirect();
  const t = await getTranslations("Clients");
  const [clients, org, money] = await Promise.all([
    listClients(user, { includeArchived: true }),
    getOrgSettings(),
    canSeeMoney(user),
  ]);
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="clients-h">
        <h1 id="clients-h" className="mb-4 text-2xl font-semibold">
          {t("title")}
        </h1>
        {clients.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <Table
            caption={t("title")}
            columns={[t("name"), t("projects"), money && t("defaultRate"), { label: t("actions"), srOnly: true }]}
          >
            {clients.map((c) => (
              <tr key={c.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2">
                  <Link
                    href={`/clients/${c.id}`}
                    className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {c.name}
                  </Link>
                  {c.archived && (
                    <span className="ml-2 rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">{t("archived")}</span>
                  )}
                </td>
                <td>{c.projectCount}</td>
                {money && (
                  <td>
                    {c.defaultHourlyRateCents != null ? formatMoney(c.defaultHourlyRateCents, org.currency) : "—"}
                  </td>
                )}
                <td className="flex flex-wrap justify-end gap-2 py-1">
                  <ActionButton
                    action={archiveClientAction}
                    fields={{ id: c.id, archived: String(!c.archived) }}
                    label={c.archived ? t("unarchive") : t("archive")}
                  />
                  {user.role === "admin" && (
                    <DeleteButton action={deleteClientAction} id={c.id} confirm={t("deleteConfirm")} />
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="new-client-h">
        <h2 id="new-client-h" className="mb-4 text-xl font-semibold">
          {t("newTitle")}
        </h2>
        <ActionForm
          action={createClientAction}
          submitLabel={t("add")}
          successMessage={t("added")}
          resetOnSuccess
          testId="client-form"
        >
          <ClientFields money={money} />
        </ActionForm>
      </section>
    </div>
  );
}
