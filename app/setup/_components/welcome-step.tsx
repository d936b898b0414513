// Step 1: what TimeTracker keeps on this server, and what it could send elsewhere, only if allowed.
import { DocLink } from "@/components/ui/doc-link";
export function WelcomeStep({ logFile }: { logFile: string }) {
  return (
    <div className="flex flex-col gap-3 text-sm leading-6">
      <p>Welcome. TimeTracker is self-hosted: your time entries, projects and clients stay in your database.</p>
      <h3 className="font-semibold">Recorded here, on this server only</h3>
      <ul className="list-disc pl-5">
        <li>
          Logs: JSON lines in <code>{logFile}</code> (requests, errors, internal user ids; never passwords, emails or
          notes).
        </li>
        <li>
          Metrics: counters and timings at <code>/metrics</code>, for your own Prometheus.
        </li>
      </ul>
      <h3 className="font-semibold">Sent elsewhere only if you allow it</h3>
      <ul className="list-disc pl-5">
        <li>Anonymous installation telemetry: off unless you tick the box on the Privacy step.</li>
        <li>
          Product analytics (PostHog) and error reports (Sentry): only when the operator configured them, and product
          analytics also needs your consent.
        </li>
      </ul>
      <p>
        Details: <DocLink name="privacy">privacy</DocLink>, <DocLink name="analytics">analytics</DocLink>.
      </p>
    </div>
  );
}
