import { bigint, index, int, mysqlTable, varchar } from "drizzle-orm/mysql-core";

// The counters of rate-limiter-flexible's MySQL store (lib/limits), shared
// by every app process. The library writes this exact shape (key, points,
// expire in epoch ms, in this column order); it is created here by a
// migration rather than by the library at start-up.
export const rateLimiter = mysqlTable(
  "rate_limiter",
  {
    key: varchar("key", { length: 255 }).primaryKey(),
    points: int("points").notNull().default(0),
    expire: bigint("expire", { mode: "number", unsigned: true }),
  },
  // The library and the retention job delete expired rows by this.
  (t) => [index("rate_limiter_expire_idx").on(t.expire)],
);
