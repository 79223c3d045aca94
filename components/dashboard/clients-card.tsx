import { IntentLink } from "@/components/ui/intent-link";
import { ChartImage } from "@/components/charts/chart-image";
import { NewClientsChart } from "@/components/charts/lazy-charts";
import { Button } from "@/components/ui/button";
import { getNewClientSeries } from "@/db/queries/dashboard";
import { clientsHref } from "@/lib/dashboard/links";
import { bucketLabel, bucketStarts } from "@/lib/dashboard/range";
import { ChartCard, ChartEmpty } from "./chart-card";
import { ChartData } from "./chart-data";
import type { DashboardContext } from "./context";

export const CLIENTS_TITLE = "New clients";

const count = new Intl.NumberFormat("en-US");

/** Clients added per day or month (archived ones too: they were new then). */
export async function ClientsCard({ ctx, className }: { ctx: DashboardContext; className?: string }) {
  const { area, range } = ctx;
  const series = await getNewClientSeries(range, range.bucket);
  const points = bucketStarts(range).map((start) => ({ label: bucketLabel(start, range.bucket), "New clients": series.get(start) ?? 0 }));
  const total = points.reduce((sum, p) => sum + p["New clients"], 0);
  return (
    <ChartCard
      title={CLIENTS_TITLE}
      description={`${count.format(total)} added in this period, by ${range.bucket}`}
      href={clientsHref(area, { sort: "-created" })}
      linkLabel="Newest clients"
      className={className}
    >
      {total === 0 ? (
        <ChartEmpty
          title="No new clients in this period"
          description="Clients you add or import will be counted here."
          action={
            <Button asChild size="sm" variant="outline">
              <IntentLink href={`${area}/clients/new`}>Add a client</IntentLink>
            </Button>
          }
        />
      ) : (
        <>
          <ChartImage label={`Bar chart of new clients by ${range.bucket}: ${count.format(total)} in this period. Each ${range.bucket} is in the table below.`}>
            <NewClientsChart data={points} />
          </ChartImage>
          <ChartData
            caption={`New clients by ${range.bucket}`}
            columns={[range.bucket === "month" ? "Month" : "Day", "New clients"]}
            rows={points.map((p) => ({ key: p.label, cells: [p.label, count.format(p["New clients"])] }))}
          />
        </>
      )}
    </ChartCard>
  );
}
