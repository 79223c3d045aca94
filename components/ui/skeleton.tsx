import * as React from "react";

import { cn } from "@/lib/utils";

function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}

/**
 * What stands in for a section while the server streams it: a status that a
 * screen reader names ("Loading invoices") and marks busy, around skeletons
 * it doesn't read. The role is what lets the div carry a name: axe refuses
 * aria-label on a div without one (aria-prohibited-attr).
 */
function LoadingRegion({ label, ...props }: React.ComponentProps<"div"> & { label: string }) {
  return <div role="status" aria-busy="true" aria-label={label} {...props} />;
}

export { LoadingRegion, Skeleton };
