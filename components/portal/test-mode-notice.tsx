import { FlaskConical } from "lucide-react";
import type { TestCard } from "@/lib/payments/providers/types";

/** Says plainly that card payments are simulated, and which numbers to use. Shown whenever the test provider is on. */
export function TestModeNotice({ cards }: { cards: TestCard[] }) {
  return (
    <div role="note" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
      <p className="flex items-center gap-2 font-semibold">
        <FlaskConical className="size-4" aria-hidden="true" />
        Test mode — no real card is charged
      </p>
      <p className="mt-1 text-muted-foreground">Card payments here are simulated. Use one of these numbers with any future expiry date and any 3-digit CVC:</p>
      <ul className="mt-2 grid gap-1">
        {cards.map((c) => (
          <li key={c.number} className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-mono tabular-nums">{c.number}</span>
            <span className="text-xs text-muted-foreground">{c.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
