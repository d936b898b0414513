// Renders a server page component to HTML the way Next does on the server (React's streaming
// renderer, async components awaited), under a stand-in app router for the client parts that
// call useRouter(). Any error a render hits is thrown: in the app it would be the error page (500).
import { renderToReadableStream } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactNode } from "react";

export type PageComponent = (p: { searchParams: Promise<Record<string, string | string[]>> }) => Promise<ReactNode>;

const router = {
  back() {},
  forward() {},
  refresh() {},
  push() {},
  replace() {},
  prefetch() {},
};

export async function renderPage(page: PageComponent, sp: Record<string, string | string[]>): Promise<string> {
  const errors: unknown[] = [];
  const tree = await page({ searchParams: Promise.resolve(sp) });
  const stream = await renderToReadableStream(
    <AppRouterContext.Provider value={router as never}>{tree}</AppRouterContext.Provider>,
    { onError: (e) => void errors.push(e) },
  );
  await stream.allReady;
  const html = await new Response(stream).text();
  if (errors.length) throw errors[0];
  return html;
}
