// Hourly rates (admins): per project (?projectId=) with its members' rates, per member (?userId=),
// or everything. Most specific wins: project member > project > member > client > organization.
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

export const metadata = { title: "Rates" };

const CONTROL = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LINK = "text-blue-700 hover:underline dark:text-blue-400";
const LEVEL: Record<string, string> = {
  project_member: "Project member",
  project: "Project",
  member: "Member",
  client: "Client",
  organization: "Organization default",
};

export default async function RatesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await adminOrForbidden();
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
    ? `Rates for ${project.name}`
    : member
      ? `Rates for ${member.fullName || member.username}`
      : "Rates";
  const defaultLevel = project ? "project" : member ? "member" : "organization";
  const today = dateKey(new Date(), await timezoneOf(user.id));
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="rates-h" className="flex flex-col gap-3">
        <h1 id="rates-h" className="text-2xl font-semibold">
          {title}
        </h1>
        <p className="text-sm">
          A rate applies from its day on; earlier work keeps the rate in force when it was done. The rates typed on a
          project&apos;s or client&apos;s own form count at that level from the start.
        </p>
        {rates.length === 0 ? (
          <EmptyState title="No dated rates here">Add one with the form.</EmptyState>
        ) : (
          <Table caption="Rates" columns={["Applies to", "From", "Per hour", { label: "Actions", srOnly: true }]}>
            {rates.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2">
                  {LEVEL[r.level]}
                  {[r.clientName && r.level === "client" ? r.clientName : null, r.projectName, r.userName]
                    .filter(Boolean)
                    .map((n) => ` · ${n}`)}
                </td>
                <td>{r.effectiveFrom}</td>
                <td className="tabular-nums">{formatMoney(r.hourlyRate, r.currency)}</td>
                <td className="text-right">
                  <DeleteButton action={deleteRateAction} id={r.id} what="rate" />
                </td>
              </tr>
            ))}
          </Table>
        )}
        <nav aria-label="Rates by project or member" className="text-sm">
          <h2 className="mt-4 font-semibold">Per project</h2>
          <ul className="flex flex-wrap gap-3">
            {projects.map((p) => (
              <li key={p.id}>
                <Link className={LINK} href={`/rates?projectId=${p.id}`}>
                  {p.clientName} / {p.name}
                </Link>
              </li>
            ))}
          </ul>
          <h2 className="mt-4 font-semibold">Per member</h2>
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
              All rates
            </Link>
          )}
        </nav>
      </section>
      <section aria-labelledby="new-rate-h">
        <h2 id="new-rate-h" className="mb-4 text-xl font-semibold">
          New rate
        </h2>
        <ActionForm action={createRateAction} submitLabel="Add rate" successMessage="Rate added." testId="rate-form">
          <label className="flex flex-col text-sm">
            Applies to
            <select name="level" defaultValue={defaultLevel} className={CONTROL}>
              {Object.entries(LEVEL).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Project (project and project-member rates)
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
            Member (member and project-member rates)
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
            Client (client rates)
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
            Effective from
            <input type="date" name="effectiveFrom" defaultValue={today} required className={CONTROL} />
          </label>
          <label className="flex flex-col text-sm">
            Per hour
            <input name="hourlyRate" required inputMode="decimal" placeholder="85.00" className={CONTROL} />
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
