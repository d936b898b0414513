// Admin users page: every account, and a form to create one. Administrators only.
import Link from "next/link";
import { AdminHeading } from "@/components/admin/admin-heading";
import { Table } from "@/components/ui/table";
import { adminOrForbidden } from "@/lib/auth/session";
import { formatStamp } from "@/lib/format";
import { timezoneOf } from "@/lib/services/entry-input";
import { listUsers } from "@/lib/services/users";
import { PASSWORD_RULE } from "@/lib/validation/users";
import { CreateUserForm } from "./_components/create-user-form";

export const metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const me = await adminOrForbidden();
  const [users, tz] = await Promise.all([listUsers(me), timezoneOf(me.id)]);
  return (
    <>
      <AdminHeading title="Users">
        {users.length === 1 ? "Only you so far. Create accounts for your team below." : `${users.length} accounts.`}
      </AdminHeading>
      <Table
        caption="Accounts"
        className="mb-8"
        columns={["Username", "Name", "Email", "Role", "Status", "Last sign-in", { label: "Actions", srOnly: true }]}
      >
        {users.map((u) => (
          <tr
            key={u.id}
            className="border-b border-slate-200 dark:border-slate-800"
            data-testid={`user-row-${u.username}`}
          >
            <td className="py-2 pr-4 font-medium">
              {u.username}
              {u.id === me.id && " (you)"}
            </td>
            <td className="py-2 pr-4">{u.fullName || "—"}</td>
            <td className="py-2 pr-4">{u.email}</td>
            <td className="py-2 pr-4">{u.role === "admin" ? "Administrator" : "User"}</td>
            <td className="py-2 pr-4">{u.active ? "Active" : "Deactivated"}</td>
            <td className="py-2 pr-4">{u.lastLoginAt ? formatStamp(u.lastLoginAt, tz) : "Never"}</td>
            <td className="py-2">
              <Link href={`/admin/users/${u.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                Manage<span className="sr-only"> {u.username}</span>
              </Link>
            </td>
          </tr>
        ))}
      </Table>
      <section aria-labelledby="create-h" className="max-w-xl">
        <h2 id="create-h" className="mb-4 text-xl font-semibold">
          Create an account
        </h2>
        <CreateUserForm passwordRule={PASSWORD_RULE} />
      </section>
    </>
  );
}
