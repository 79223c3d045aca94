import type { DashboardRange } from "@/lib/dashboard/range";

/** What every dashboard card needs: where its links go, which money, which days. */
export type DashboardContext = {
  /** "/admin" or "/staff": the lists the cards link to live under it. */
  area: string;
  currency: string;
  /** The business's locale: how amounts and numbers are written. */
  locale: string;
  range: DashboardRange;
  today: string;
  canManageStaff: boolean;
};
