// Step 4: the opt-ins, both unchecked, with the exact telemetry payload shown verbatim.
import { DocLink } from "@/components/ui/doc-link";
export function PrivacyStep({
  values,
  payload,
  posthogConfigured,
  teleUrlConfigured,
}: {
  values: Record<string, string>;
  payload: string;
  posthogConfigured: boolean;
  teleUrlConfigured: boolean;
}) {
  return (
    <div className="flex flex-col gap-4 text-sm leading-6">
      <div>
        <label className="flex items-start gap-2 font-medium">
          <input
            type="checkbox"
            name="telemetry"
            defaultChecked={values.telemetry === "on"}
            aria-describedby="telemetry-desc"
            className="mt-1"
          />
          Send anonymous installation telemetry
        </label>
        <div id="telemetry-desc" className="mt-2 pl-6">
          <p>
            One ping when TimeTracker is installed, one when its version changes, and a daily check for updates. This is
            exactly what would be sent:
          </p>
          <pre
            data-testid="telemetry-payload"
            className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800"
          >
            {payload}
          </pre>
          <p className="mt-2">
            The fingerprint is a SHA-256 hash of this server&apos;s hostname and a random salt: it cannot be turned back
            into either. No users, usage, business data or server details.
            {!teleUrlConfigured &&
              " No telemetry address (TELE_URL) is configured, so nothing would be sent even if you tick this."}
          </p>
        </div>
      </div>
      {posthogConfigured && (
        <div>
          <label className="flex items-start gap-2 font-medium">
            <input
              type="checkbox"
              name="productAnalytics"
              defaultChecked={values.productAnalytics === "on"}
              aria-describedby="pa-desc"
              className="mt-1"
            />
            Allow product analytics
          </label>
          <p id="pa-desc" className="mt-2 pl-6">
            The operator configured PostHog. With your consent, TimeTracker sends which features are used (event names,
            internal ids, yes/no facts), never names, notes, emails or client data.
          </p>
        </div>
      )}
      <p>
        Read more: <DocLink name="privacy">privacy</DocLink>, <DocLink name="analytics">analytics</DocLink>,{" "}
        <DocLink name="events">events</DocLink>. You can change these choices later in Admin → Telemetry.
      </p>
    </div>
  );
}
