// Admin users page: every account, and a form to create one. Administrators only.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminHeading } from "@/components/admin/admin-heading";
import { Table } from "@/components/ui/table";
import { adminOrForbidden } from "@/lib/auth/session";
import { formatStamp } from "@/lib/format";
import { timezoneOf } from "@/lib/services/entry-input";
import { listUsers } from "@/lib/services/users";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { CreateUserForm } from "./_components/create-user-form";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminUsers"))("title") };
}

export default async function AdminUsersPage() {
  const me = await adminOrForbidden();
  const [users, tz, t, ta] = await Promise.all([
    listUsers(me),
    timezoneOf(me.id),
    getTranslations("AdminUsers"),
    getTranslations("Admin"),
  ]);
  return (
    <>
      <AdminHeading title={t("title")}>{t("count", { count: users.length })}</AdminHeading>
      <Table
        caption={t("caption")}
        className="mb-8"
        columns={[
          t("username"),
          t("name"),
          t("email"),
          t("role"),
          t("status"),
          t("lastSignIn"),
          { label: t("actions"), srOnly: true },
        ]}
      >
        {users.map((u) => (
          <tr
            key={u.id}
            className="border-b border-slate-200 dark:border-slate-800"
            data-testid={`user-row-${u.username}`}
          >
            <td className="py-2 pr-4 font-medium">
              {u.username}
              {u.id === me.id && t("you")}
            </td>
            <td className="py-2 pr-4">{u.fullName || "—"}</td>
            <td className="py-2 pr-4">{u.email}</td>
            <td className="py-2 pr-4">{ta("role", { role: u.role })}</td>
            <td className="py-2 pr-4">{t("active", { active: String(u.active) })}</td>
            <td className="py-2 pr-4">{u.lastLoginAt ? formatStamp(u.lastLoginAt, tz) : t("never")}</td>
            <td className="py-2">
              <Link href={`/admin/users/${u.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                {t("manage")}
                <span className="sr-only"> {u.username}</span>
              </Link>
            </td>
          </tr>
        ))}
      </Table>
      <section aria-labelledby="create-h" className="max-w-xl">
        <h2 id="create-h" className="mb-4 text-xl font-semibold">
          {t("createTitle")}
        </h2>
        <CreateUserForm passwordRule={PASSWORD_RULE} />
      </section>
    </>
  );
}
