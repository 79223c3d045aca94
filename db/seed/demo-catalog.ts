import { services, subscriptions, type BillingInterval, type PaymentMethod, type SubscriptionStatus } from "@/db/schema";
import { businessTime, type SeedContext, type SeededClient, withServerStep } from "./context";
import { addDays, billingPeriod, daysBetween, isoDate } from "./dates";

type Recurring = Exclude<BillingInterval, "one_time">;
export type ServiceKey = "care" | "seo" | "brand" | "hosting" | "logo" | "consult" | "photo" | "legacy";

export type SeededService = {
  id: number;
  key: ServiceKey;
  name: string;
  priceMinor: number;
  interval: BillingInterval;
  createdAt: Date;
  /** When it stopped being sold (switched off or archived); null while on sale. */
  offSaleAt: Date | null;
};

const CATALOG: { key: ServiceKey; name: string; description: string; priceMinor: number; interval: BillingInterval; daysAgo: number }[] = [
  {
    key: "care",
    name: "Website Care Plan",
    description: "Updates, backups, uptime monitoring and up to two hours of small changes every month.",
    priceMinor: 14_900,
    interval: "monthly",
    daysAgo: 428,
  },
  {
    key: "seo",
    name: "SEO Retainer",
    description: "Keyword research, on-page fixes and a plain-English ranking report each month.",
    priceMinor: 45_000,
    interval: "monthly",
    daysAgo: 425,
  },
  {
    key: "hosting",
    name: "Managed Hosting",
    description: "Fast, secure hosting with daily backups and SSL, billed once a year.",
    priceMinor: 36_000,
    interval: "yearly",
    daysAgo: 425,
  },
  {
    key: "logo",
    name: "Logo & Identity Package",
    description: "Logo, colour palette, type choices and a one-page brand guide.",
    priceMinor: 120_000,
    interval: "one_time",
    daysAgo: 420,
  },
  {
    key: "consult",
    name: "Consulting (hourly)",
    description: "Strategy, training or troubleshooting, billed by the hour in 15-minute steps.",
    priceMinor: 12_500,
    interval: "one_time",
    daysAgo: 420,
  },
  {
    key: "photo",
    name: "Photography Day Rate",
    description: "A full day of on-site product or team photography, edited images included.",
    priceMinor: 95_000,
    interval: "one_time",
    daysAgo: 360,
  },
  {
    key: "legacy",
    name: "Legacy Shared Hosting",
    description: "The old shared hosting plan, replaced by Managed Hosting.",
    priceMinor: 24_000,
    interval: "yearly",
    daysAgo: 427,
  },
  // The newest service; its launch queued the "new service" SMS in the outbox.
  {
    key: "brand",
    name: "Quarterly Brand Review",
    description: "A quarterly review of your site, socials and print against your brand guide, with a prioritised to-do list.",
    priceMinor: 60_000,
    interval: "quarterly",
    daysAgo: 100,
  },
];

/** Eight services: six on sale, one switched off ("photo") and one archived ("legacy"). */
export async function insertServices(ctx: SeedContext): Promise<SeededService[]> {
  const rows = CATALOG.map((s) => {
    const createdAt = businessTime(ctx, s.daysAgo);
    const archivedAt = s.key === "legacy" ? businessTime(ctx, 120) : null;
    const offSaleAt = s.key === "photo" ? businessTime(ctx, 45) : archivedAt;
    const row = { name: s.name, description: s.description, priceMinor: s.priceMinor, currency: "USD", interval: s.interval, active: offSaleAt === null };
    return { ...row, archivedAt, createdAt, updatedAt: offSaleAt ?? createdAt, key: s.key, offSaleAt };
  });
  const ids = await withServerStep(
    ctx,
    await ctx.tx
      .insert(services)
      .values(rows.map(({ key: _key, offSaleAt: _offSaleAt, ...row }) => row))
      .$returningId(),
  );
  return rows.map((r, i) => ({
    id: ids[i]!.id,
    key: r.key,
    name: r.name,
    priceMinor: r.priceMinor,
    interval: r.interval,
    createdAt: r.createdAt,
    offSaleAt: r.offSaleAt,
  }));
}

export type SeededSubscription = {
  id: number;
  client: SeededClient;
  service: SeededService;
  priceMinor: number;
  interval: Recurring;
  status: SubscriptionStatus;
  paymentMethod: PaymentMethod;
  startedAt: Date;
  /** The last day a period may start on: today, or when it was paused or cancelled. */
  billedUntil: Date;
};

type SubscriptionPlan = Omit<SeededSubscription, "id" | "interval" | "billedUntil"> & { stoppedAt: Date | null; cancelAtPeriodEnd: boolean };

function plans(ctx: SeedContext, clients: SeededClient[], catalog: SeededService[]): SubscriptionPlan[] {
  const { rng } = ctx;
  const service = (key: ServiceKey) => catalog.find((s) => s.key === key)!;
  const portal = clients.filter((c) => c.user);
  const plan = (client: SeededClient, key: ServiceKey, method: PaymentMethod, daysAgo: number, extra: Partial<SubscriptionPlan> = {}): SubscriptionPlan => ({
    client,
    service: service(key),
    priceMinor: service(key).priceMinor,
    status: "active",
    paymentMethod: method,
    startedAt: businessTime(ctx, daysAgo),
    stoppedAt: null,
    cancelAtPeriodEnd: false,
    ...extra,
  });
  const [casey, jordan, morgan] = portal;
  const out: SubscriptionPlan[] = [
    // Snapshotted before the care plan's price went up to 149.00: the old price sticks.
    plan(casey!, "care", "card", 400, { priceMinor: 12_900 }),
    plan(casey!, "hosting", "card", 390),
    plan(jordan!, "seo", "bank_transfer", 380),
    plan(morgan!, "brand", "card", 95),
  ];
  // The archived clients had the old hosting plan and cancelled before leaving.
  for (const client of clients.filter((c) => c.archivedAt)) {
    const daysAgo = daysBetween(client.createdAt, ctx.today) - 5;
    out.push(plan(client, "legacy", "bank_transfer", daysAgo, { status: "cancelled", stoppedAt: addDays(client.archivedAt!, -10) }));
  }
  const eligible = clients.filter((c) => !c.user && !c.archivedAt && daysBetween(c.createdAt, ctx.today) >= 45);
  const recurring: ServiceKey[] = ["care", "seo", "hosting", "brand"];
  // Bounded, so a database with few old clients can't loop forever.
  for (let i = 0; out.length < 20 && i < eligible.length * recurring.length; i++) {
    const client = eligible[i % eligible.length]!;
    const taken = new Set(out.filter((p) => p.client === client).map((p) => p.service.key));
    const key = rng.shuffle(recurring).find((k) => !taken.has(k));
    if (!key) continue;
    const earliest = Math.min(daysBetween(client.createdAt, ctx.today), daysBetween(service(key).createdAt, ctx.today)) - 1;
    // Most subscriptions start soon after the client arrives, which spreads renewals over the year.
    const daysAgo = Math.max(20, earliest - Math.floor((earliest - 20) * rng.next() ** 2));
    const method = rng.weighted<PaymentMethod>([
      ["card", 6],
      ["bank_transfer", 3],
      ["cash", 1],
    ]);
    const stoppedAt = i < 3 ? businessTime(ctx, rng.int(5, Math.max(6, daysAgo - 1))) : null;
    out.push(plan(client, key, method, daysAgo, { status: i === 0 ? "paused" : i < 3 ? "cancelled" : "active", stoppedAt, cancelAtPeriodEnd: i === 3 }));
  }
  return out;
}

/** ~20 subscriptions, mostly active, with a paused one and a few cancelled. */
export async function insertSubscriptions(ctx: SeedContext, clients: SeededClient[], catalog: SeededService[]): Promise<SeededSubscription[]> {
  const list = plans(ctx, clients, catalog).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const rows = list.map((p) => {
    const interval = p.service.interval as Recurring;
    const billedUntil = p.stoppedAt ?? ctx.today;
    // The current period is the last one that has started by that day.
    let k = 0;
    while (daysBetween(billingPeriod(p.startedAt, interval, k + 1).start, billedUntil) >= 0) k++;
    const period = billingPeriod(p.startedAt, interval, k);
    return {
      seeded: {
        client: p.client,
        service: p.service,
        priceMinor: p.priceMinor,
        interval,
        status: p.status,
        paymentMethod: p.paymentMethod,
        startedAt: p.startedAt,
        billedUntil,
      },
      row: {
        clientId: p.client.id,
        serviceId: p.service.id,
        priceMinor: p.priceMinor,
        currency: "USD",
        interval,
        status: p.status,
        paymentMethod: p.paymentMethod,
        startedAt: p.startedAt,
        currentPeriodStart: isoDate(period.start),
        currentPeriodEnd: isoDate(period.end),
        cancelAtPeriodEnd: p.cancelAtPeriodEnd,
        cancelledAt: p.status === "cancelled" ? p.stoppedAt : null,
        createdAt: p.startedAt,
        updatedAt: p.stoppedAt ?? p.startedAt,
      },
    };
  });
  const ids = await withServerStep(
    ctx,
    await ctx.tx
      .insert(subscriptions)
      .values(rows.map((r) => r.row))
      .$returningId(),
  );
  return rows.map((r, i) => ({ ...r.seeded, id: ids[i]!.id }));
}
