"use client";

import { ScrollRegion } from "@/components/ui/scroll-region";
import { cn } from "@/lib/utils";

type Row = { key: string; cells: React.ReactNode[] };

/**
 * The chart's figures as a table, behind a disclosure: for screen readers,
 * keyboards and exact numbers. A client component that takes its rows as
 * data, like the lists (docs/performance.md, "Rows as data"): a day-by-day
 * range has up to 62 rows per chart, each a tree of cells in the payload otherwise.
 */
export function ChartData({ caption, columns, rows }: { caption: string; columns: string[]; rows: Row[] }) {
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer select-none rounded-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
        Show as a table
      </summary>
      <ScrollRegion label={caption} className="mt-2 max-h-72 overflow-auto rounded-md border">
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-muted text-xs text-muted-foreground">
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={cn("px-3 py-2 font-medium", i > 0 && "text-right")}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t">
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-3 py-1.5 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-3 py-1.5 text-right tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
