"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// Recharts (under Tremor) is most of the dashboard's JavaScript, and it can't
// draw on the server anyway: it measures its container first. So the charts
// load after the page, each behind a placeholder of its own height, and the
// figures (totals, legends, tables, links) are server HTML from the start.
const placeholder = (className: string) =>
  function ChartPlaceholder() {
    return <Skeleton className={className} />;
  };

export const RevenueChart = dynamic(() => import("./revenue-chart").then((m) => m.RevenueChart), { ssr: false, loading: placeholder("h-64 sm:h-72") });
export const StatusChart = dynamic(() => import("./status-chart").then((m) => m.StatusChart), { ssr: false, loading: placeholder("size-44 shrink-0 rounded-full") });
export const AgingChart = dynamic(() => import("./aging-chart").then((m) => m.AgingChart), { ssr: false, loading: placeholder("h-56") });
export const NewClientsChart = dynamic(() => import("./new-clients-chart").then((m) => m.NewClientsChart), { ssr: false, loading: placeholder("h-56") });
export const ServicesChart = dynamic(() => import("./services-chart").then((m) => m.ServicesChart), { ssr: false, loading: placeholder("h-48") });
export const PortalSpendingChart = dynamic(() => import("./portal-spending-chart").then((m) => m.PortalSpendingChart), { ssr: false, loading: placeholder("h-56") });
export const PortalStatusChart = dynamic(() => import("./portal-status-chart").then((m) => m.PortalStatusChart), { ssr: false, loading: placeholder("size-40 shrink-0 rounded-full") });
