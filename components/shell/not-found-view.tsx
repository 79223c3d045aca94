import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

/**
 * A missing record inside its area's shell (the area's not-found.tsx): a
 * record that never was, was deleted, or isn't this person's looks the same.
 * The page answers 404 because no loading boundary sits above a record's
 * lookup (see docs/architecture.md, "Missing records").
 */
export function NotFoundView({ home, homeLabel }: { home: string; homeLabel: string }) {
  return (
    <div className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-4 py-14 text-center">
      <div aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6">
        <Icon name="file-question-mark" />
      </div>
      <div className="grid max-w-sm gap-1">
        <p className="text-sm font-semibold text-primary">404</p>
        <h1 data-stand-in="" className="text-xl font-semibold">
          We couldn&apos;t find that
        </h1>
        <p className="text-sm text-muted-foreground">It may have been removed, or the link may be wrong.</p>
      </div>
      <Link href={home} className={buttonVariants({ variant: "outline", className: "mt-1" })}>
        {homeLabel}
      </Link>
    </div>
  );
}
