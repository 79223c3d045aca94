import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { Role } from "@/db/schema";
import { atMinute, addDays, startOfDay } from "./dates";
import type { Rng } from "./random";

/** What every demo builder shares: the open transaction, the PRNG and the anchor. */
export type SeedContext = {
  tx: Tx;
  rng: Rng;
  /** The anchor instant; nothing seeded happens after it. */
  now: Date;
  /** Midnight UTC of the anchor's day. */
  today: Date;
  /** The server's @@auto_increment_increment, read once (see withServerStep). */
  idStep?: number;
};

/**
 * The ids of a multi-row insert. Drizzle's $returningId() counts up from the
 * first id by 1, but a Galera cluster hands out ids stepping by
 * @@auto_increment_increment (its node count), so they are recomputed with
 * the server's step. One statement's ids are evenly spaced (a "simple insert").
 */
export async function withServerStep(ctx: SeedContext, ids: { id: number }[]): Promise<{ id: number }[]> {
  if (ids.length < 2) return ids;
  if (ctx.idStep === undefined) {
    const [rows] = (await ctx.tx.execute(sql`SELECT @@auto_increment_increment AS step`)) as unknown as [{ step: number | string }[]];
    ctx.idStep = Number(rows[0]?.step ?? 1);
  }
  const first = ids[0]!.id;
  return ids.map((_, k) => ({ id: first + k * ctx.idStep! }));
}

export type SeededUser = { id: number; email: string; name: string; role: Role };

export type SeededClient = {
  id: number;
  name: string;
  company: string | null;
  email: string;
  phone: string | null;
  smsOptIn: boolean;
  createdAt: Date;
  archivedAt: Date | null;
  /** The portal login, for the clients that have one. */
  user: SeededUser | null;
};

export function createContext(tx: Tx, rng: Rng, now: Date): SeedContext {
  return { tx, rng, now, today: startOfDay(now) };
}

/**
 * A moment during business hours `daysAgo` days before the anchor day. Callers
 * pass daysAgo ≥ 1, so every seeded event lies before the anchor instant.
 */
export function businessTime(ctx: SeedContext, daysAgo: number): Date {
  return atMinute(addDays(ctx.today, -daysAgo), ctx.rng.int(8 * 60, 17 * 60 + 59));
}
