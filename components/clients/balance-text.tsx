import type { Balance } from "@/db/queries/clients";
import { formatMoney } from "@/lib/money";

/** A client's open balance, one line per currency; "—" when nothing is owed. */
export function BalanceText({ balances, locale }: { balances: Pick<Balance, "currency" | "minor" | "overdue">[]; locale: string }) {
  if (balances.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="grid justify-items-end gap-0.5">
      {balances.map((b) => (
        <span key={b.currency} className={b.overdue ? "font-medium text-destructive" : undefined}>
          {formatMoney(b.minor, b.currency, locale)}
          {b.overdue && <span className="sr-only"> (overdue)</span>}
        </span>
      ))}
    </span>
  );
}
