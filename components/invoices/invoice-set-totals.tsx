"use client";

import { useEffect, useId, useState } from "react";
import type * as React from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMoney } from "@/lib/money";
import { plural } from "@/lib/plural";

type Totals = { currency: string; count: number; invoicedMinor: number; paidMinor: number; outstandingMinor: number };

/**
 * Invoiced, paid and outstanding for the current filters, one line per
 * currency, the business's own first. Loaded after the list renders (a sum
 * over a large set shouldn't hold the list up), and again whenever the
 * filters change. On a phone only the first line shows until asked, so the
 * list's first row stays on the first screen whatever the currencies.
 */
export function InvoiceSetTotals({ query, locale, businessCurrency }: { query: string; locale: string; businessCurrency: string }) {
  const [state, setState] = useState<{ query: string; totals: Totals[] | null; failed: boolean }>({ query, totals: null, failed: false });
  const [allOnPhone, setAllOnPhone] = useState(false);
  const moreId = useId();
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/invoices/summary${query ? `?${query}` : ""}`, { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ totals: Totals[] }>) : Promise.reject(new Error(String(res.status)))))
      .then((body) => setState({ query, totals: body.totals, failed: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ query, totals: null, failed: Boolean(error) });
      });
    return () => controller.abort();
  }, [query]);

  const loading = state.query !== query || (!state.totals && !state.failed);
  const totals = [...(state.totals ?? [])].sort((a, b) => Number(b.currency === businessCurrency) - Number(a.currency === businessCurrency));
  const more = totals.length - 1;
  return (
    <section aria-label="Totals for these filters" aria-busy={loading} className="grid gap-2">
      {loading ? (
        <div className="grid grid-cols-3 gap-2 sm:gap-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-12 sm:h-[4.5rem]" />
          ))}
        </div>
      ) : state.failed ? (
        <p className="text-sm text-muted-foreground">The totals couldn&apos;t load. Reload the page to try again.</p>
      ) : totals.length === 0 ? null : (
        <>
          <CurrencyTotals totals={totals[0]!} several={more > 0} locale={locale} />
          {more > 0 && (
            <>
              <div id={moreId} className={`${allOnPhone ? "grid" : "hidden sm:grid"} gap-2`}>
                {totals.slice(1).map((t) => (
                  <CurrencyTotals key={t.currency} totals={t} several locale={locale} />
                ))}
              </div>
              <button
                type="button"
                aria-expanded={allOnPhone}
                aria-controls={moreId}
                onClick={() => setAllOnPhone((shown) => !shown)}
                className="inline-flex min-h-6 items-center justify-self-start rounded-sm text-xs font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:hidden"
              >
                {allOnPhone
                  ? "Fewer currencies"
                  : `${plural(more, "more currency", "more currencies")}: ${totals
                      .slice(1)
                      .map((t) => t.currency)
                      .join(", ")}`}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** One currency's row. Several currencies are never added up: each gets its own row, and each figure says which it is. */
function CurrencyTotals({ totals: t, several, locale }: { totals: Totals; several: boolean; locale: string }) {
  const inCurrency = several ? ` (${t.currency})` : "";
  return (
    <dl className="grid grid-cols-3 gap-2 sm:gap-3">
      <Figure label={`Invoiced${inCurrency}`} value={formatMoney(t.invoicedMinor, t.currency, locale)} detail={`${plural(t.count, "invoice")} in this view`} />
      <Figure label={`Paid${inCurrency}`} value={formatMoney(t.paidMinor, t.currency, locale)} />
      <Figure label={`Outstanding${inCurrency}`} value={formatMoney(t.outstandingMinor, t.currency, locale)} tone={t.outstandingMinor > 0 ? "warning" : undefined} />
    </dl>
  );
}

function Figure({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: "warning" }) {
  return (
    // Three across even on a phone, so the list's first row stays on the first screen. The figure is never cut
    // off ("$45,293.…" was): its size is capped by what fits the box for its length (--fit, in cqi, a container
    // unit: a bold digit is about 0.62em wide, plus some room), and an extreme one wraps rather than hides.
    <div className="min-w-0 rounded-md border bg-background px-2 py-1.5 [container-type:inline-size] sm:px-4 sm:py-3">
      <dt className="truncate text-xs font-medium text-muted-foreground">{label}</dt>
      <dd
        style={{ "--fit": `${(140 / Math.max(value.length, 1)).toFixed(2)}cqi` } as React.CSSProperties}
        className={`text-[min(0.875rem,var(--fit))] font-semibold tabular-nums [overflow-wrap:anywhere] sm:mt-1 sm:text-[min(1.125rem,var(--fit))] ${tone === "warning" ? "text-warning" : ""}`}
      >
        {value}
      </dd>
      {detail && <dd className="hidden text-xs text-muted-foreground sm:block">{detail}</dd>}
    </div>
  );
}
