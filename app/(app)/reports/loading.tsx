// While the reports page loads (a big report on a slow database): its shape in grey, inside the
// shell, with a status for screen readers. Only here: a loading.tsx above a page that calls
// notFound() or forbidden() streams a 200 before the page can answer 404/403.
import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function Loading() {
  const tc = await getTranslations("Common");
  return (
    <div className="flex flex-col gap-6" data-testid="page-skeleton">
      <span role="status" className="sr-only">
        {tc("loading")}
      </span>
      <Skeleton className="h-8 w-48" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}
