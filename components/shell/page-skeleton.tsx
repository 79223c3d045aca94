import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

/** The loading.tsx body: a title and a few cards while the server streams. */
export function PageSkeleton() {
  return (
    <LoadingRegion label="Loading">
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
