// The demo data set: one company, its staff, ~25 clients and a year of
// invoices, payments and messages, all in one transaction. Deterministic for
// a given anchor date (only the argon2 salt differs between runs).
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { settings, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { rebuildRollups } from "@/lib/rollups/rebuild";
import { createContext } from "./context";
import { insertAudit } from "./demo-audit";
import { insertServices, insertSubscriptions } from "./demo-catalog";
import { planInvoices } from "./demo-invoice-plans";
import { insertInvoices } from "./demo-invoices";
import { insertMessages } from "./demo-messages";
import { DEMO_PASSWORD, insertClients, insertSettings, insertStaffUsers } from "./demo-people";
import { Rng } from "./random";

export { DEMO_PASSWORD };
export const DEMO_LOGINS = { admin: "admin@example.com", staff: "staff@example.com", client: "client@example.com" } as const;

export type DemoSeedOptions = {
  /** The anchor: data is laid out in the 14 months before it. Defaults to now. */
  today?: Date;
  /** The base of links inside the seeded emails and SMS. */
  appUrl?: string;
};

export type DemoSeedResult = { created: boolean; counts: Record<string, number> };

const SEED = 0x5eed_2024;

/** True when the demo (or any real setup) is already there: the settings row or the demo admin exists. */
async function demoPresent(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: settings.id }).from(settings).limit(1);
  if (row) return true;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGINS.admin)).limit(1);
  return admin !== undefined;
}

export async function seedDemo(db: Db, opts: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  if (await demoPresent(db)) return { created: false, counts: {} };
  const now = opts.today ?? new Date();
  const appUrl = (opts.appUrl ?? "http://localhost:3000").replace(/\/$/, "");
  // Hashed once, outside the transaction: argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    const counts = await db.transaction(async (tx) => {
      const ctx = createContext(tx, new Rng(SEED), now);
      const settingsUpdatedAt = await insertSettings(ctx);
      const office = await insertStaffUsers(ctx, passwordHash);
      const clients = await insertClients(ctx, passwordHash);
      const services = await insertServices(ctx);
      const subscriptions = await insertSubscriptions(ctx, clients, services);
      const inserted = await insertInvoices(ctx, planInvoices(ctx, clients, services, subscriptions, office));
      const brand = services.find((s) => s.key === "brand")!;
      const messages = await insertMessages(ctx, { appUrl, invoices: inserted.invoices, clients, brand, staff: office.staff });
      const audit = await insertAudit(ctx, { settingsUpdatedAt, office, clients, services, subscriptions, invoices: inserted.invoices });
      // Rows went in directly, past the domain code that keeps the dashboard rollups.
      await rebuildRollups(tx);
      return {
        settings: 1,
        users: [office.admin, office.staff, office.former].length + clients.filter((c) => c.user).length,
        clients: clients.length,
        services: services.length,
        subscriptions: subscriptions.length,
        invoices: inserted.invoices.length,
        invoice_items: inserted.itemCount,
        payments: inserted.paymentCount,
        invoice_counters: inserted.counterCount,
        invoice_links: messages.links,
        outbox: messages.outbox,
        outbox_attempts: messages.attempts,
        audit_log: audit,
      };
    });
    return { created: true, counts };
  } catch (error) {
    // Two seeds racing: the loser trips over the settings primary key. That's "already there".
    if (await demoPresent(db)) return { created: false, counts: {} };
    throw error;
  }
}
