"use client";
// The calendar feed on the profile: make a secret address (shown once, with Copy), make a new one
// (the old one stops), or revoke it; both after a confirmation.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SecretOnce } from "@/components/ui/secret-once";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "../calendar/actions";

export function CalendarFeedCard({ feed }: { feed: { createdAt: string; lastUsedAt: string | null } | null }) {
  const t = useTranslations("CalendarFeed");
  const tc = useTranslations("Common");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [confirm, setConfirm] = useState<"regenerate" | "revoke" | null>(null);

  const create = () =>
    start(async () => {
      const r = await createCalendarFeedAction({});
      if (!r.ok) return setMessage(r.error.message);
      setUrl(`${window.location.origin}${r.data.path}`);
      setMessage("");
      router.refresh();
    });
  const revoke = () =>
    start(async () => {
      const r = await revokeCalendarFeedAction({});
      setUrl(null);
      setMessage(r.ok ? t("revoked") : r.error.message);
      router.refresh();
    });

  return (
    <div className="grid gap-3 text-sm" data-testid="calendar-feed">
      <p className="text-slate-600 dark:text-slate-400">{t("intro")}</p>
      {url && <SecretOnce title={t("shownOnce")} secret={url} testId="calendar-feed-url" />}
      {feed ? (
        <p>
          {t("active", { date: feed.createdAt })}{" "}
          {feed.lastUsedAt ? t("lastUsed", { date: feed.lastUsedAt }) : t("neverUsed")}
        </p>
      ) : (
        !url && <p>{t("none")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        {feed ? (
          <>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirm("regenerate")}>
              {t("regenerate")}
            </Button>
            <Button type="button" variant="danger" disabled={pending} onClick={() => setConfirm("revoke")}>
              {t("revoke")}
            </Button>
          </>
        ) : (
          <Button type="button" disabled={pending} onClick={create}>
            {t("create")}
          </Button>
        )}
      </div>
      <p role="status" aria-live="polite" className="min-h-5">
        {message}
      </p>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={confirm === "revoke" ? t("revokeQuestion") : t("regenerate")}
        description={confirm === "revoke" ? t("revokeExplain") : t("regenerateHint")}
        confirmLabel={confirm === "revoke" ? t("revoke") : t("regenerate")}
        cancelLabel={tc("cancel")}
        onConfirm={() => (confirm === "revoke" ? revoke() : create())}
      />
    </div>
  );
}
