// The body of both webhook pages (yours, and the organization's for admins): the list and the form.
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
  return (
    <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
      <section aria-labelledby="webhook-list-h" className="min-w-0">
        <h2 id="webhook-list-h" className="mb-3 text-xl font-semibold">
          Endpoints
        </h2>
        <WebhookList endpoints={endpoints} deliveries={deliveries} actions={actions} tz={tz} />
      </section>
      <section aria-labelledby="webhook-new-h" className="min-w-0">
        <h2 id="webhook-new-h" className="mb-3 text-xl font-semibold">
          Add an endpoint
        </h2>
        <WebhookCreateForm action={create} scope={scope} />
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          Requests are signed the{" "}
          <Link href="/docs/webhooks" className="text-blue-700 underline dark:text-blue-400">
            Standard Webhooks way
          </Link>
          ; failed deliveries are retried with growing pauses for 24 hours.
        </p>
      </section>
    </div>
  );
}
