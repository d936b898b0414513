// What is and is not collected, in plain words, with links to the full documents.
import { DocLink } from "@/components/ui/doc-link";

export function CollectedLists() {
  return (
    <section aria-labelledby="collected-h" className="mb-10 text-sm leading-6">
      <h2 id="collected-h" className="mb-4 text-xl font-semibold">
        What is and is not collected
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-1 font-semibold">Collected</h3>
          <ul className="list-disc pl-5">
            <li>Installation telemetry (when on): the fingerprint hash, the version, the install and update times.</li>
            <li>Logs and metrics (always, on this server): requests, durations, errors, internal user ids.</li>
            <li>
              Product analytics (when configured and allowed): event names, internal ids, yes/no facts and counts.
            </li>
            <li>Error reports (when configured): stack traces, request path, internal user id, version.</li>
          </ul>
        </div>
        <div>
          <h3 className="mb-1 font-semibold">Never collected</h3>
          <ul className="list-disc pl-5">
            <li>Passwords, tokens, email addresses, names.</li>
            <li>Time-entry notes, project, task or client names, invoices: no business data.</li>
            <li>
              Your server&apos;s details (the hostname only inside the one-way hash); IP addresses are not stored by us.
            </li>
          </ul>
        </div>
      </div>
      <p className="mt-4">
        Read more: <DocLink name="analytics">docs/analytics.md</DocLink>,{" "}
        <DocLink name="events">docs/events.md</DocLink>, <DocLink name="privacy">docs/privacy.md</DocLink>.
      </p>
    </section>
  );
}
