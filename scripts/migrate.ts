import { runMigrations } from "@/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run up` and `npm test` set it for you.");
  process.exit(1);
}
const started = Date.now();
runMigrations(url)
  .then(() => console.log(`Migrations applied in ${Date.now() - started} ms.`))
  .catch((error: unknown) => {
    console.error("Migration failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
