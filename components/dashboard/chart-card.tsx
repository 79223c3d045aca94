import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

type ChartCardProps = {
  title: string;
  description?: React.ReactNode;
  /** The list behind the chart. */
  href?: string;
  linkLabel?: string;
  className?: string;
  children: React.ReactNode;
};

/** A dashboard card: a title, what it counts, a link to the list behind it, and the chart. */
export function ChartCard({ title, description, href, linkLabel = "View list", className, children }: ChartCardProps) {
  return (
    <Card className={cn("flex min-w-0 flex-col", className)}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-x-4 gap-y-1 pb-3">
        <div className="grid gap-1">
          <CardTitle className="text-base">{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {href && (
          <IntentLink
            href={href}
            className="inline-flex items-center gap-1 whitespace-nowrap rounded-sm text-sm font-medium text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {linkLabel}
            <Icon name="arrow-right" aria-hidden="true" className="size-4" />
          </IntentLink>
        )}
      </CardHeader>
      <CardContent className="flex-1">{children}</CardContent>
    </Card>
  );
}

/** The card while its figures stream in: the title stays, the body pulses at the chart's height. */
export function ChartCardSkeleton({ title, className, bodyClassName = "h-56" }: { title: string; className?: string; bodyClassName?: string }) {
  return (
    <Card className={cn("flex min-w-0 flex-col", className)} aria-busy="true">
      <CardHeader className="pb-3">
        <CardTitle className="text-base">{title}</CardTitle>
        <Skeleton className="h-4 w-48" />
      </CardHeader>
      <CardContent>
        <Skeleton className={bodyClassName} />
        <span className="sr-only">Loading {title.toLowerCase()}</span>
      </CardContent>
    </Card>
  );
}

/** A chart's empty state: what would show here, and the next step. */
export function ChartEmpty({ title, description, action }: { title: string; description: string; action?: React.ReactNode }) {
  return (
    <div className="flex h-full min-h-40 flex-col items-center justify-center gap-2 rounded-md border border-dashed px-4 py-8 text-center">
      <p className="font-medium">{title}</p>
      <p className="max-w-sm text-sm text-muted-foreground">{description}</p>
      {action && <div className="mt-1">{action}</div>}
    </div>
  );
}
