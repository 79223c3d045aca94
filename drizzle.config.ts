import { defineConfig } from "drizzle-kit";

// Used by `npm run db:generate` only. Migrations are applied by scripts/migrate.ts
// through drizzle-orm's migrator (drizzle-kit migrate hides SQL errors), and
// `drizzle-kit push` must never run against MariaDB.
export default defineConfig({
  dialect: "mysql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/clientdesk" },
});
