// Hourly rates (admins): per project (?projectId=) with its members' rates, per member (?userId=),
// or everything. Most specific wins: project member > project > member > client > organization.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { DeleteButton } from "@/components/forms/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { adminOrForbidden } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { dateKey } from "@/lib/time/tz";
import { formatMoney } from "@/lib/money";
import { listClients } from "@/lib/services/clients";
import { listProjects } from "@/lib/services/projects";
import { listRates } from "@/lib/services/rates";
import { listUsers } from "@/lib/services/users";
import { ZRateScope } from "@/lib/validation/rates";
import { createRateAction, deleteRateAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Rates"))("title") };
}

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LINK = "text-blue-700 hover:underline dark:text-blue-400";
const LEVELS = ["project_member", "project", "member", "client", "organization"] as const;
type Level = (typeof LEVELS)[number];

export default async function RatesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await adminOrForbidden();
  const [t, level] = await Promise.all([getTranslations("Rates"), getTranslations("RateLevel")]);
  const parsed = ZRateScope.safeParse(await searchParams);
  const scope = parsed.success ? parsed.data : {};
  const [rates, projects, users, clients] = await Promise.all([
    listRates(user, scope),
    listProjects(user),
    listUsers(user),
    listClients(user),
  ]);
  const project = projects.find((p) => p.id === scope.projectId);
  const member = users.find((u) => u.id === scope.userId);
  const title = project
    ? t("titleFor", { name: project.name })
    : member
      ? t("titleFor", { name: member.fullName || member.username })
      : t("title");
  const defaultLevel = project ? "project" : member ? "member" : "organization";
  const today = dateKey(new Date(), await timezoneOf(user.id));
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="rates-h" className="flex flex-col gap-3">
        <h1 id="rates-h" className="text-2xl font-semibold">
          {title}
        </h1>
        <p className="text-sm">{t("intro")}</p>
        {rates.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <Table
            caption={t("title")}
            columns={[t("appliesTo"), t("from"), t("perHour"), { label: t("actions"), srOnly: true }]}
          >
            {rates.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2">
                  {LEVELS.includes(r.level as Level) ? level(r.level as Level) : r.level}
                  {[r.clientName && r.level === "client" ? r.clientName : null, r.projectName, r.userName]
                    .filter(Boolean)
                    .map((n) => ` · ${n}`)}
                </td>
                <td>{r.effectiveFrom}</td>
                <td className="tabular-nums">{formatMoney(r.hourlyRate, r.currency)}</td>
                <td className="text-right">
                  <DeleteButton action={deleteRateAction} id={r.id} confirm={t("deleteConfirm")} />
                </td>
              </tr>
            ))}
          </Table>
        )}
        <nav aria-label={t("byNav")} className="text-sm">
          <h2 className="mt-4 font-semibold">{t("perProject")}</h2>
          <ul className="flex flex-wrap gap-3">
            {projects.map((p) => (
              <li key={p.id}>
                <Link className={LINK} href={`/rates?projectId=${p.id}`}>
                  {p.clientName} / {p.name}
                </Link>
              </li>
            ))}
          </ul>
          <h2 className="mt-4 font-semibold">{t("perMember")}</h2>
          <ul className="flex flex-wrap gap-3">
            {users.map((u) => (
              <li key={u.id}>
                <Link className={LINK} href={`/rates?userId=${u.id}`}>
                  {u.fullName || u.username}
                </Link>
              </li>
            ))}
          </ul>
          {(project || member) && (
            <Link className={`${LINK} mt-4 block`} href="/rates">
              {t("all")}
            </Link>
          )}
        </nav>
      </section>
      <section aria-labelledby="new-rate-h">
        <h2 id="new-rate-h" className="mb-4 text-xl font-semibold">
          {t("newTitle")}
        </h2>
        <ActionForm action={createRateAction} submitLabel={t("add")} successMessage={t("added")} testId="rate-form">
          <label className="flex flex-col text-sm">
            {t("appliesTo")}
            <select name="level" defaultValue={defaultLevel} className={CONTROL}>
              {LEVELS.map((v) => (
                <option key={v} value={v}>
                  {level(v)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("projectField")}
            <select name="projectId" defaultValue={project?.id ?? ""} className={CONTROL}>
              <option value="">—</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.clientName} / {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("memberField")}
            <select name="userId" defaultValue={member?.id ?? ""} className={CONTROL}>
              <option value="">—</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName || u.username}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("clientField")}
            <select name="clientId" defaultValue="" className={CONTROL}>
              <option value="">—</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            {t("effectiveFrom")}
            <input type="date" name="effectiveFrom" defaultValue={today} required className={CONTROL} />
          </label>
          <label className="flex flex-col text-sm">
            {t("perHour")}
            <input name="hourlyRate" required inputMode="decimal" placeholder="85.00" className={CONTROL} />
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
