// A table of personal access tokens (the profile's own list and the admins' list of everyone's):
// name, prefix, scopes, dates, status and a revoke button that asks again before revoking.
import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/action-form";
import { Table } from "@/components/ui/table";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  owner?: string;
}

const day = (d: Date | null, none: string) => (d ? d.toISOString().slice(0, 10) : none);

function status(t: TokenRow, now: Date): "Revoked" | "Expired" | "Active" {
  if (t.revokedAt) return "Revoked";
  if (t.expiresAt && t.expiresAt <= now) return "Expired";
  return "Active";
}

export function TokenTable({
  tokens,
  revoke,
  showOwner = false,
  now,
}: {
  tokens: TokenRow[];
  revoke: FormAction;
  showOwner?: boolean;
  now: Date;
}) {
  return (
    <Table
      caption="API tokens"
      testId="token-table"
      columns={[
        "Name",
        showOwner && "Owner",
        "Token",
        "Scopes",
        "Created",
        "Last used",
        "Expires",
        "Status",
        { label: "Actions", srOnly: true },
      ]}
    >
      {tokens.map((t) => {
        const s = status(t, now);
        return (
          <tr key={t.id} className="border-b border-slate-200 align-top dark:border-slate-800">
            <td className="py-2 pr-4 font-medium">{t.name}</td>
            {showOwner && <td className="py-2 pr-4">{t.owner}</td>}
            <td className="py-2 pr-4">
              <code>{t.prefix}…</code>
            </td>
            <td className="py-2 pr-4">
              <span className="text-xs">{t.scopes.join(", ")}</span>
            </td>
            <td className="py-2 pr-4">{day(t.createdAt, "")}</td>
            <td className="py-2 pr-4">{day(t.lastUsedAt, "Never")}</td>
            <td className="py-2 pr-4">{day(t.expiresAt, "Never")}</td>
            <td className="py-2 pr-4">{s}</td>
            <td className="py-2">
              {s === "Active" && (
                <ActionButton
                  action={revoke}
                  fields={{ id: t.id }}
                  label="Revoke"
                  confirm="Revoke this token? Scripts using it stop working."
                  variant="danger"
                />
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
