// `npm run billing:run`: bills every subscription that owes an invoice for its
// current period. Safe to run any number of times: a period is billed once.
import { closeDb, getDb } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { runBilling } from "@/lib/billing/run";

const today = process.argv.find((a) => /^\d{4}-\d{2}-\d{2}$/.test(a));

async function main() {
  const started = Date.now();
  const result = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today });
  console.log(
    `Billing for ${today ?? "today"} done in ${Date.now() - started} ms: ${result.created} invoices created, ${result.renewed} subscriptions renewed, ${result.cancelled} cancelled at period end, ${result.skipped.length} skipped.`,
  );
  for (const s of result.skipped) console.log(`  subscription ${s.subscriptionId}: ${s.reason}`);
}

main()
  .catch((error: unknown) => {
    console.error("Billing failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
