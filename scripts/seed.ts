// `npm run db:seed`: the demo data, once.
// `npm run db:seed -- --clients 100000 --invoices 1000000`: bulk data for benchmarks, on top.
// `npm run db:seed -- --verify`: checks the data rules on whatever is in the database.
import { parseArgs } from "node:util";
import { closeDb, getDb, getPool } from "@/db";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "@/db/seed/demo";
import { seedScale } from "@/db/seed/scale";
import { findViolations } from "@/db/seed/verify";

const USAGE = "Usage: npm run db:seed [-- --clients N --invoices M] [-- --verify]";

function count(value: string | undefined, name: string): number {
  const n = Number(value ?? "0");
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}". ${USAGE}`);
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { clients: { type: "string" }, invoices: { type: "string" }, verify: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Point it at a migrated database, e.g. mysql://root@127.0.0.1:3307/clientdesk (`npm run up` sets it for you).");
  }
  const clients = count(values.clients, "clients");
  const invoices = count(values.invoices, "invoices");
  const started = Date.now();

  if (clients > 0 || invoices > 0) {
    const result = await seedScale(getPool(), { clients, invoices, appUrl: process.env.APP_URL, onProgress: (msg) => console.log(msg) });
    console.log(result.demoCreated ? "Demo data created first, so the demo logins work." : "Demo data already present.");
    for (const [table, t] of Object.entries(result.tables)) console.log(`  ${table.padEnd(14)} ${String(t.rows).padStart(10)} rows  ${seconds(t.ms).padStart(9)}`);
    console.log(`Bulk seed done in ${seconds(Date.now() - started)}.`);
  } else if (!values.verify) {
    const result = await seedDemo(getDb(), { appUrl: process.env.APP_URL });
    if (!result.created) {
      console.log("Demo data is already present; nothing to do.");
    } else {
      const summary = Object.entries(result.counts)
        .map(([table, n]) => `${table} ${n}`)
        .join(", ");
      console.log(`Demo data created in ${seconds(Date.now() - started)}: ${summary}.`);
      const { admin, staff, client } = DEMO_LOGINS;
      console.log(`Sign in as ${admin}, ${staff} or ${client} with the password ${DEMO_PASSWORD}.`);
    }
  }

  if (values.verify) {
    const problems = await findViolations(getPool());
    if (problems.length > 0) {
      for (const p of problems) console.error(`  - ${p}`);
      throw new Error(`${problems.length} data rule(s) broken.`);
    }
    console.log("Every data rule holds.");
  }
}

// Drizzle wraps driver errors ("Failed query: ..."); the cause says what went wrong.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `\n${error.cause.message}` : "";
  const hint = /doesn't exist|Unknown database/.test(cause) ? "\nCreate the database and run `npm run db:migrate` first." : "";
  return `${error.message}${cause}${hint}`;
}

main()
  .catch((error: unknown) => {
    console.error(describe(error));
    process.exitCode = 1;
  })
  .finally(() => closeDb());
