// Invoice lines for the demo: a mix of catalogue services and free-text
// extras, with quantities in thousandths (1500 = 1.5 hours).
import type { SeedContext } from "./context";
import type { SeededService } from "./demo-catalog";
import { DEMO_TAX_BP } from "./demo-people";

export type LineDraft = { serviceId: number | null; description: string; quantityMilli: number; unitPriceMinor: number; taxRateBp: number };

const EXTRAS: { description: string; unitPriceMinor: number; quantities: number[]; taxable: boolean }[] = [
  { description: "Website audit and written report", unitPriceMinor: 35_000, quantities: [1000], taxable: true },
  { description: "Rush turnaround fee", unitPriceMinor: 15_000, quantities: [1000], taxable: true },
  { description: "Stock photography licence", unitPriceMinor: 4_900, quantities: [1000, 2000, 3000, 5000], taxable: true },
  { description: "Domain renewal (2 years)", unitPriceMinor: 3_800, quantities: [1000], taxable: true },
  { description: "On-site workshop (half day)", unitPriceMinor: 90_000, quantities: [1000], taxable: true },
  { description: "Copywriting, per page", unitPriceMinor: 17_500, quantities: [1000, 2000, 4000], taxable: true },
  { description: "Printing: business cards (500)", unitPriceMinor: 6_500, quantities: [1000, 2000], taxable: true },
  { description: "Travel expenses, at cost", unitPriceMinor: 18_650, quantities: [1000], taxable: false },
  // Mileage shows a fractional quantity: 42.5 miles at 0.67.
  { description: "Mileage (miles)", unitPriceMinor: 67, quantities: [42_500, 118_000], taxable: false },
];

const SERVICE_QUANTITIES: Partial<Record<SeededService["key"], number[]>> = {
  consult: [1000, 1500, 2250, 3000, 4500, 7750],
  logo: [1000],
  photo: [1000, 2000],
};

/**
 * One to four lines. Catalogue lines use services that were on sale on the
 * issue day, at their list price.
 */
export function adHocLines(ctx: SeedContext, catalog: SeededService[], issueDate: Date): LineDraft[] {
  const { rng } = ctx;
  const onSale = catalog.filter((s) => SERVICE_QUANTITIES[s.key] && s.createdAt < issueDate && (s.offSaleAt === null || issueDate < s.offSaleAt));
  const count = rng.weighted([
    [1, 4],
    [2, 4],
    [3, 2],
    [4, 1],
  ] as const);
  const lines: LineDraft[] = [];
  const used = new Set<string>();
  for (let attempt = 0; lines.length < count && attempt < 20; attempt++) {
    const fromCatalog = onSale.length > 0 && (lines.length === 0 ? rng.chance(0.6) : rng.chance(0.25));
    if (fromCatalog) {
      const service = rng.pick(onSale);
      if (used.has(service.name)) continue;
      used.add(service.name);
      lines.push({
        serviceId: service.id,
        description: service.name,
        quantityMilli: rng.pick(SERVICE_QUANTITIES[service.key] ?? [1000]),
        unitPriceMinor: service.priceMinor,
        taxRateBp: DEMO_TAX_BP,
      });
    } else {
      const extra = rng.pick(EXTRAS);
      if (used.has(extra.description)) continue;
      used.add(extra.description);
      lines.push({
        serviceId: null,
        description: extra.description,
        quantityMilli: rng.pick(extra.quantities),
        unitPriceMinor: extra.unitPriceMinor,
        taxRateBp: extra.taxable ? DEMO_TAX_BP : 0,
      });
    }
  }
  return lines;
}

export function subscriptionLine(serviceId: number, description: string, priceMinor: number): LineDraft {
  return { serviceId, description, quantityMilli: 1000, unitPriceMinor: priceMinor, taxRateBp: DEMO_TAX_BP };
}
