import * as React from "react";
import { Icon } from "./icon";

import { cn } from "@/lib/utils";

type SelectProps = React.ComponentProps<"select"> & {
  /** Classes for the wrapper; size the select through it so the chevron stays on the right edge. */
  wrapperClassName?: string;
};

/** A styled native select: posts with plain forms and keeps the platform picker on mobile. */
function Select({ className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        className={cn(
          "flex h-10 w-full appearance-none rounded-md border border-input bg-background py-2 pl-3 pr-9 text-base ring-offset-background focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-destructive aria-[invalid=true]:focus-visible:ring-destructive md:text-sm",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <Icon name="chevron-down" aria-hidden="true" className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}

export { Select };
export type { SelectProps };
