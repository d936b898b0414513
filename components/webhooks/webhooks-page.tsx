// The body of both webhook pages (yours, and the organization's for admins): the list and the form.
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { FormAction } from "@/components/forms/action-form";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/lib/services/webhooks";
import { WebhookCreateForm } from "./webhook-create-form";
import { WebhookList, type WebhookActions } from "./webhook-list";

export function WebhooksPageBody({
  scope,
  endpoints,
  deliveries,
  actions,
  create,
  tz,
}: {
  scope: "own" | "organization";
  endpoints: WebhookEndpointDto[];
  deliveries: Record<string, WebhookDeliveryDto[]>;
  actions: WebhookActions;
  create: React.ComponentProps<typeof WebhookCreateForm>["action"] & FormAction;
  tz: string;
}) {
  const t = useTranslations("Webhooks");
  return (
    <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
      <section aria-labelledby="webhook-list-h" className="min-w-0">
        <h2 id="webhook-list-h" className="mb-3 text-xl font-semibold">
          {t("endpoints")}
        </h2>
        <WebhookList endpoints={endpoints} deliveries={deliveries} actions={actions} tz={tz} />
      </section>
      <section aria-labelledby="webhook-new-h" className="min-w-0">
        <h2 id="webhook-new-h" className="mb-3 text-xl font-semibold">
          {t("addTitle")}
        </h2>
        <WebhookCreateForm action={create} scope={scope} />
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          {t.rich("signedNote", {
            link: (chunks) => (
              <Link href="/docs/webhooks" className="text-blue-700 underline dark:text-blue-400">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    </div>
  );
}
