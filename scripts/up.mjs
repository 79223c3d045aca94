#!/usr/bin/env node
// `npm run up`: everything a newcomer needs, from a fresh clone to a running
// app with demo data on http://localhost:3000. Ctrl-C stops the app and the
// database it started; running it again reuses the data in .data/.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localSecret, startPrivateServer } from "./lib/database.mjs";
import { bin, portIsFree, run, startChild, waitForHttp } from "./lib/process.mjs";
import { ensureNodeModules, ensureSystemPackages, findChromium, log } from "./lib/system.mjs";
import { typecheck } from "./lib/typecheck.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 3000);

ensureNodeModules(root);
ensureSystemPackages({ needServer: !process.env.DATABASE_URL });
if (!(await portIsFree(port))) {
  console.error(`Port ${port} is already in use. Stop whatever uses it, or run on another port: PORT=3001 npm run up`);
  process.exit(1);
}

let database = null;
let app = null;
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopping...");
  await app?.stop();
  await database?.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  let url = process.env.DATABASE_URL;
  if (!url) {
    database = await startPrivateServer(root, "dev");
    url = database.url;
  }
  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await localSecret(root, "dev")),
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? findChromium() ?? "/usr/bin/chromium",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const tsx = [bin(root, "tsx"), "--tsconfig", "tsconfig.scripts.json"];
  log("Applying migrations...");
  if ((await run(tsx[0], [...tsx.slice(1), "scripts/migrate.ts"], { env, cwd: root })) !== 0) await shutdown(1);
  log("Seeding demo data (skipped when present)...");
  if ((await run(tsx[0], [...tsx.slice(1), "scripts/seed.ts"], { env, cwd: root })) !== 0) await shutdown(1);
  if (!args.has("--no-build")) {
    // TypeScript 7 checks the tree first, so the build skips its own, slower pass (scripts/lib/typecheck.mjs).
    log("Checking types...");
    if (!(await typecheck(root, { distDir: env.NEXT_DIST_DIR || ".next", env }))) await shutdown(1);
    log("Building the app (about a minute)...");
    if ((await run(bin(root, "next"), ["build"], { env: { ...env, NEXT_BUILD_TYPECHECK: "off" }, cwd: root })) !== 0) await shutdown(1);
  }
  // server.mjs: next start plus the client address from the socket (README, "Security").
  app = startChild(process.execPath, ["server.mjs", "--port", String(port)], { env, cwd: root });
  app.child.on("exit", (code) => {
    if (!stopping) {
      log(`The app exited (code ${code}).`);
      shutdown(code ?? 1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${port}/login`, { isAlive: () => !app.exited });
  process.stdout.write(`
  ClientDesk is running at http://localhost:${port}

  Demo logins (password for all: ClientDesk-demo-1)
    admin   admin@example.com   -> /admin
    staff   staff@example.com   -> /staff
    client  client@example.com  -> /portal

  Emails and SMS are captured, not sent: admins read them under Outbox.
  Press Ctrl-C to stop the app and its database.
\n`);
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}\n`);
  await shutdown(1);
}
