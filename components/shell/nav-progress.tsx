"use client";
// A thin bar at the top of the window from the click on an internal link until the new page has
// rendered, so a slow page visibly responds. Screen readers hear "Loading page…" once.
import { useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

function internalTarget(e: MouseEvent): URL | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!a || (a.target && a.target !== "_self") || a.hasAttribute("download")) return null;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return null;
  if (url.pathname === location.pathname && url.search === location.search) return null;
  return url;
}

export function NavProgress() {
  const t = useTranslations("Shell");
  const pathname = usePathname();
  const search = useSearchParams();
  const [loading, setLoading] = useState(false);
  const [shownFor, setShownFor] = useState(`${pathname}?${search}`);
  // The route changed: the new page is there. (Set during render: no extra effect pass.)
  if (shownFor !== `${pathname}?${search}`) {
    setShownFor(`${pathname}?${search}`);
    setLoading(false);
  }
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (internalTarget(e)) setLoading(true);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return (
    <>
      <div
        aria-hidden
        data-testid="nav-progress"
        data-loading={loading ? "true" : "false"}
        className={`pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5 origin-left bg-blue-600 transition-transform duration-[2000ms] ease-out dark:bg-blue-400 ${
          loading ? "scale-x-90 opacity-100" : "scale-x-0 opacity-0"
        }`}
      />
      <span role="status" className="sr-only">
        {loading ? t("navigating") : ""}
      </span>
    </>
  );
}
