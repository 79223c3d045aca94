// `npm run retention:run`: empties the bodies of outbox messages finished more
// than OUTBOX_RETENTION_DAYS ago and deletes used or expired codes and tokens,
// expired sessions and rate-limit counters. The daily schedule runs the same
// job; running it again, or beside it, is safe.
import { closeDb, getDb } from "@/db";
import { env } from "@/lib/env";
import { describeRetention, runRetention } from "@/lib/retention/run";

async function main() {
  const started = Date.now();
  const days = env().OUTBOX_RETENTION_DAYS;
  const summary = describeRetention(await runRetention(getDb(), { outboxDays: days }));
  console.log(`Retention done in ${Date.now() - started} ms (messages kept ${days} day${days === 1 ? "" : "s"}): ${summary || "nothing to remove"}.`);
}

main()
  .catch((error: unknown) => {
    console.error("Retention failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
