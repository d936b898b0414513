// A table of personal access tokens (the profile's own list and the admins' list of everyone's):
// name, prefix, scopes, dates, status and a revoke button that asks again before revoking.
import { useTranslations } from "next-intl";
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

function status(t: TokenRow, now: Date): "revoked" | "expired" | "active" {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt <= now) return "expired";
  return "active";
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
  const tr = useTranslations("Tokens");
  return (
    <Table
      caption={tr("title")}
      testId="token-table"
      columns={[
        tr("name"),
        showOwner && tr("owner"),
        tr("token"),
        tr("scopes"),
        tr("createdAt"),
        tr("lastUsed"),
        tr("expires"),
        tr("status"),
        { label: tr("actions"), srOnly: true },
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
            <td className="py-2 pr-4">{day(t.lastUsedAt, tr("never"))}</td>
            <td className="py-2 pr-4">{day(t.expiresAt, tr("never"))}</td>
            <td className="py-2 pr-4">{tr("state", { state: s })}</td>
            <td className="py-2">
              {s === "active" && (
                <ActionButton
                  action={revoke}
                  fields={{ id: t.id }}
                  label={tr("revoke")}
                  confirm={tr("revokeConfirm")}

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
