import { Icon } from "@/components/ui/icon";
import type { TestCard } from "@/lib/payments/providers/types";

/** Says plainly that card payments are simulated, and which numbers to use, as a two-column table. Shown whenever the test provider is on. */
export function TestModeNotice({ cards }: { cards: TestCard[] }) {
  return (
    <div role="note" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
      <p className="flex items-center gap-2 font-semibold">
        <Icon name="flask-conical" className="size-4" aria-hidden="true" />
        Test mode — no real card is charged
      </p>
      <p className="mt-1 text-muted-foreground">Card payments here are simulated. Use one of these numbers with any future expiry date and any 3-digit CVC.</p>
      <table className="mt-2 w-full border-collapse text-left" data-testid="test-cards">
        <caption className="sr-only">Test card numbers</caption>
        <thead>
          <tr className="border-b border-warning/30 text-xs text-muted-foreground">
            <th scope="col" className="py-1 pr-3 font-medium">
              Card number
            </th>
            <th scope="col" className="py-1 font-medium">
              What happens
            </th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.number} className="align-baseline">
              <td className="whitespace-nowrap py-1 pr-3 font-mono tabular-nums">{c.number}</td>
              <td className="py-1 text-xs">{c.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
