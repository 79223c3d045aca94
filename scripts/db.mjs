#!/usr/bin/env node
// `npm run db:start [-- profile]` starts the private database server and keeps
// it running until Ctrl-C; `npm run db:stop [-- profile]` stops one left running.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROFILES, startPrivateServer } from "./lib/database.mjs";
import { ensureSystemPackages, findDatabaseServer, log } from "./lib/system.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [command = "start", profile = "dev"] = process.argv.slice(2);
if (!PROFILES[profile]) {
  console.error(`Unknown profile "${profile}". Use one of: ${Object.keys(PROFILES).join(", ")}.`);
  process.exit(1);
}

if (command === "start") {
  ensureSystemPackages({ needServer: true });
  const server = await startPrivateServer(root, profile);
  log(`DATABASE_URL=${server.url}`);
  log("Press Ctrl-C to stop it.");
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  setInterval(() => {}, 1 << 30);
} else if (command === "stop") {
  const bin = findDatabaseServer();
  const socket = path.join(root, ".data", profile, "mysqld.sock");
  if (!bin?.admin || !existsSync(socket)) {
    log(`No ${profile} database server is running.`);
  } else {
    spawnSync(bin.admin, ["--no-defaults", `--socket=${socket}`, "-uroot", "shutdown"], { stdio: "inherit" });
    log(`Stopped the ${profile} database server.`);
  }
} else {
  console.error("Usage: node scripts/db.mjs start|stop [dev|test|bench]");
  process.exit(1);
}
