import type { Metadata } from "next";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { documentTitle } from "@/lib/page-title";

/**
 * The loading.tsx body: a title and a few cards while the server streams, and
 * the page's own title in the tab. Next drops the last page's <title> when it
 * shows a loading boundary and adds the new one only when the page's metadata
 * streams in, so the tab showed the address and the route announcer had no
 * title to read in between.
 */
export function PageSkeleton({ metadata }: { metadata: Metadata }) {
  const title = typeof metadata.title === "string" ? metadata.title : undefined;
  return (
    <LoadingRegion label="Loading">
      {title && <title>{documentTitle(title)}</title>}
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-2 h-4 w-72" />
      <div className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="mt-6 h-72" />
    </LoadingRegion>
  );
}
