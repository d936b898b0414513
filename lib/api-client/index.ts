// A typed client for the TimeTracker REST API (openapi-fetch over the types `npm run api:client`
// generates from the OpenAPI document). Scripts and the API tests use it:
//   const api = createApiClient({ baseUrl: "https://tt.example.com", token: "tt_pat_…" });
//   const { data, error } = await api.GET("/api/v1/entries", { params: { query: { limit: 50 } } });
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type { paths, components } from "./schema";

export function createApiClient(opts: {
  baseUrl: string;
  token?: string;
  fetch?: (req: Request) => Promise<Response>;
}) {
  return createClient<paths>({
    baseUrl: opts.baseUrl,
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    // ID arrays as repeated parameters (?ids=a&ids=b), as the API reads them.
    querySerializer: { array: { style: "form", explode: true } },
  });
}
