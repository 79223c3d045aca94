// `npm run db:rollups`: recounts the dashboard rollups from the tables they
// summarise (after a bulk load or a manual fix), then checks them.
// `npm run db:rollups -- --verify` only checks, and exits 1 on any drift.
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db";
import { findRollupDrift, rebuildRollups } from "@/lib/rollups/rebuild";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { verify: { type: "boolean" } } });
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const started = performance.now();
  if (!values.verify) {
    await rebuildRollups(getDb());
    console.log(`Rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
  const drift = await findRollupDrift(getDb());
  for (const line of drift.slice(0, 20)) console.error(`  - ${line}`);
  if (drift.length > 0) throw new Error(`${drift.length} rollup row(s) differ from a recount. Run \`npm run db:rollups\` to rebuild them.`);
  console.log("The rollups match a recount.");
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
