#!/usr/bin/env node
// `npm run cluster`: ClientDesk on a 3-node MariaDB Galera cluster on this
// machine. Installs galera-4 and rsync when missing (as root), starts the nodes
// in .data/cluster/ (node 1 bootstraps, the others join), applies the
// migrations once, then serves two app processes, each on a different node
// first, and one outbox worker on the third. Ctrl-C stops what it started.
//
//   npm run cluster [-- --no-build]     PORT (default 3000) and PORT+1 for the apps
//   CLUSTER_PORT_BASE=3470              node i listens on base+i (MySQL), base+1100+i (Galera),
//                                       base+1110+i (IST) and base+1120+i (SST)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hostListEnv, ensureGaleraPackages, startCluster } from "./lib/cluster.mjs";
import { localSecret } from "./lib/database.mjs";
import { bin, portIsFree, run, startChild, waitForHttp } from "./lib/process.mjs";
import { ensureNodeModules, ensureSystemPackages, findChromium, log } from "./lib/system.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 3000);
const base = Number(process.env.CLUSTER_PORT_BASE ?? 3470);
const appPorts = [port, port + 1];

ensureNodeModules(root);
ensureSystemPackages({ needServer: true });
ensureGaleraPackages();
for (const p of appPorts) {
  if (!(await portIsFree(p))) {
    console.error(`Port ${p} is already in use. Run on other ports: PORT=3001 npm run cluster`);
    process.exit(1);
  }
}

let cluster = null;
const children = [];
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopping the apps, the worker and the cluster...");
  await Promise.all(children.map((c) => c.stop()));
  await cluster?.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  cluster = await startCluster(root, { dir: "cluster", base });
  const { nodes } = cluster;
  const common = {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await localSecret(root, "cluster")),
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? findChromium() ?? "/usr/bin/chromium",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next-cluster",
    // The apps write through different nodes and contend on hot rows (docs/scale.md).
    DATABASE_TX_ATTEMPTS: process.env.DATABASE_TX_ATTEMPTS ?? "20",
  };
  const tsx = [bin(root, "tsx"), "--tsconfig", "tsconfig.scripts.json"];
  const first = { ...common, ...hostListEnv(nodes, 0), APP_URL: `http://localhost:${appPorts[0]}` };
  log("Applying migrations (once, on node 1; Galera replicates the DDL)...");
  if ((await run(tsx[0], [...tsx.slice(1), "scripts/migrate.ts"], { env: first, cwd: root })) !== 0) await shutdown(1);
  log("Seeding demo data (skipped when present)...");
  if ((await run(tsx[0], [...tsx.slice(1), "scripts/seed.ts"], { env: first, cwd: root })) !== 0) await shutdown(1);
  if (!args.has("--no-build")) {
    log("Building the app into .next-cluster (about a minute)...");
    if ((await run(bin(root, "next"), ["build"], { env: first, cwd: root })) !== 0) await shutdown(1);
  }
  // The apps leave sending to the worker, so the outbox is worked from node 3.
  appPorts.forEach((p, k) => {
    const env = { ...common, ...hostListEnv(nodes, k), APP_URL: `http://localhost:${p}`, OUTBOX_WORKER: "off" };
    children.push(startChild(process.execPath, ["server.mjs", "--port", String(p)], { env, cwd: root }));
  });
  children.push(startChild(tsx[0], [...tsx.slice(1), "scripts/worker.ts"], { env: { ...common, ...hostListEnv(nodes, 2), APP_URL: `http://localhost:${appPorts[0]}` }, cwd: root }));
  for (const c of children) {
    c.child.on("exit", (code) => {
      if (!stopping) {
        log(`A child process exited (code ${code}); stopping everything.`);
        shutdown(code ?? 1);
      }
    });
  }
  for (const [k, p] of appPorts.entries()) await waitForHttp(`http://127.0.0.1:${p}/login`, { isAlive: () => !children[k].exited });
  process.stdout.write(`
  ClientDesk on a 3-node Galera cluster

    app 1   http://localhost:${appPorts[0]}   database ${nodes[0].url} first, then nodes 2 and 3
    app 2   http://localhost:${appPorts[1]}   database ${nodes[1].url} first, then nodes 3 and 1
    worker  outbox, billing and reminders on ${nodes[2].url} first

  Demo logins as for \`npm run up\` (admin@example.com, password ClientDesk-demo-1).
  Try \`kill -9\` on one node's mariadbd: the apps carry on through the others.
  Press Ctrl-C to stop the apps, the worker and the cluster.
\n`);
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : error}\n`);
  await shutdown(1);
}
