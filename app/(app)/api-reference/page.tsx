// API reference: the OpenAPI document (/api/v1/openapi.json) rendered on the server, one section per
// operation with its scopes, parameters, body and answers, and the named schemas. No client script,
// so the nonce-based Content-Security-Policy stays as strict as on every other page (docs/api.md
// explains why this is not Scalar or Swagger UI).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { openApiDocument } from "@/lib/api/openapi";
import { userOrRedirect } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("ApiReference"))("title") };
}

type Schema = Record<string, unknown>;
interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100",
  post: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  patch: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  delete: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

function typeOf(s: Schema | undefined): string {
  if (!s) return "";
  if (typeof s.$ref === "string") return s.$ref.split("/").pop()!;
  if (s.type === "array") return `${typeOf(s.items as Schema)}[]`;
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(typeOf).join(" | ");
  if (s.type === "object" && s.properties) return `{ ${Object.keys(s.properties as Schema).join(", ")} }`;
  return String(s.type ?? (s.format ? s.format : "any")) + (s.format && s.type ? ` (${String(s.format)})` : "");
}

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;

export default async function ApiReferencePage() {
  await userOrRedirect();
  const t = await getTranslations("ApiReference");
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const ops = Object.entries(paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ path, method, op })),
  );
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">
          {t.rich("intro", {
            title: doc.info.title,
            count: String(ops.length),
            token: (chunks) => (
              <Link className="underline" href="/profile/tokens">
                {chunks}
              </Link>
            ),
            code: (chunks) => <code>{chunks}</code>,
            guide: (chunks) => (
              <Link className="underline" href="/docs/api">
                {chunks}
              </Link>
            ),
            json: (chunks) => (
              <a className="underline" href="/api/v1/openapi.json">
                {chunks}
              </a>
            ),
          })}
        </p>
      </header>
      <nav aria-label={t("operations")} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <ul className="grid gap-1 text-sm md:grid-cols-2">
          {ops.map(({ path, method, op }) => (
            <li key={anchor(method, path)}>
              <a className="hover:underline" href={`#${anchor(method, path)}`}>
                <span
                  className={`mr-2 inline-block w-16 rounded px-1 text-center font-mono text-xs uppercase ${METHOD_STYLE[method]}`}
                >
                  {method}
                </span>
                <code className="break-all">{path}</code>
                <span className="text-slate-600 dark:text-slate-400"> — {op.summary}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {ops.map(({ path, method, op }) => (
        <section
          key={anchor(method, path)}
          id={anchor(method, path)}
          aria-labelledby={`${anchor(method, path)}-h`}
          className="scroll-mt-20 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id={`${anchor(method, path)}-h`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            <span className={`rounded px-2 font-mono text-sm uppercase ${METHOD_STYLE[method]}`}>{method}</span>
            <code className="break-all text-base">{path}</code>
          </h2>
          <p className="mt-1 text-sm">{op.summary}</p>
          {op.description && <p className="text-sm text-slate-600 dark:text-slate-400">{op.description}</p>}
          {op.parameters && op.parameters.length > 0 && (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("parameters")}</caption>
                <thead>
                  <tr className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="col" className="py-1 pr-4">
                      {t("parameter")}
                    </th>
                    <th scope="col" className="py-1 pr-4">
                      {t("in")}
                    </th>
                    <th scope="col" className="py-1 pr-4">
                      {t("type")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-b border-slate-100 dark:border-slate-900">
                      <td className="py-1 pr-4">
                        <code>{p.name}</code>
                        {p.required && <span className="text-red-700 dark:text-red-400"> *</span>}
                      </td>
                      <td className="py-1 pr-4">{p.in}</td>
                      <td className="py-1 pr-4 break-all">{typeOf(p.schema)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {op.requestBody && (
            <p className="mt-3 text-sm">
              {t.rich("body", {
                type: typeOf(Object.values(op.requestBody.content)[0]?.schema),
                code: (chunks) => <code>{chunks}</code>,
              })}
            </p>
          )}
          <ul className="mt-3 text-sm">
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status}>
                <strong>{status}</strong> {r.description}
                {r.content && <code className="ml-1 break-all">{typeOf(Object.values(r.content)[0]?.schema)}</code>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="schemas-h">
        <h2 id="schemas-h" className="mb-3 text-xl font-semibold">
          {t("schemas")}
        </h2>
        {Object.entries(schemas).map(([name, s]) => (
          <details key={name} className="mb-2 rounded border border-slate-200 p-2 dark:border-slate-800">
            <summary className="cursor-pointer font-mono text-sm">{name}</summary>
            <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(s, null, 2)}</pre>
          </details>
        ))}
      </section>
    </div>
  );
}
