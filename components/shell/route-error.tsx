"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/** The body of each route group's error.tsx: the shell stays, the page offers a retry. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto mt-12 max-w-md rounded-lg border bg-card p-6 text-center">
      <Icon name="triangle-exclamation-point" className="mx-auto size-8 text-destructive" aria-hidden="true" />
      <h1 data-stand-in="" className="mt-3 text-lg font-semibold">
        This page couldn&apos;t load
      </h1>
      {/* No promise that nothing changed: this page can't know what a failed step had already saved. */}
      <p className="mt-1 text-sm text-muted-foreground">
        Something went wrong on our side. Try again{error.digest ? ` (reference ${error.digest})` : ""}. If you were saving something, check whether it was saved before entering it again.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
