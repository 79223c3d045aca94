// A private MariaDB/MySQL server in .data/<profile>/, started from the installed
// binaries, or the server named by DATABASE_URL. Node built-ins plus mysql2.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, openSync } from "node:fs";
import path from "node:path";
import { findDatabaseServer, log } from "./system.mjs";

export const PROFILES = {
  // The app started by `npm run up`.
  dev: { port: 3307, database: "clientdesk", bufferPool: "256M" },
  // `npm test`: its own server, so a running dev app is never touched.
  test: { port: 3308, database: "clientdesk_test", bufferPool: "256M" },
  // Benchmarks at scale want a larger buffer pool.
  bench: { port: 3309, database: "clientdesk_bench", bufferPool: "4G" },
};

// MySQL 8's defaults, so queries that pass here also pass there.
export const SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function ping(bin, socket) {
  return spawnSync(bin.admin, ["--no-defaults", `--socket=${socket}`, "-uroot", "--connect-timeout=2", "ping"], { encoding: "utf8" }).status === 0;
}

export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The options every local MariaDB of ours starts with (the private servers here
 * and the Galera nodes in cluster.mjs): our files only, loopback, UTC, the
 * SQL mode the app expects, and a laptop-friendly durability trade for a local,
 * rebuildable database.
 */
export function serverOptions({ datadir, socket, port, pidFile, logFile, tmpdir, bufferPool }) {
  return [
    "--no-defaults",
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    `--pid-file=${pidFile}`,
    `--log-error=${logFile}`,
    `--tmpdir=${tmpdir}`,
    "--skip-log-bin",
    "--skip-name-resolve",
    "--default-time-zone=+00:00",
    `--sql-mode=${SQL_MODE}`,
    "--character-set-server=utf8mb4",
    "--max-connections=400",
    `--innodb-buffer-pool-size=${bufferPool}`,
    "--innodb-flush-log-at-trx-commit=2",
  ];
}

/**
 * Starts (or reuses) the private server for a profile. Returns the
 * DATABASE_URL and a stop() that shuts the server down only if this call
 * started it.
 */
export async function startPrivateServer(root, profileName) {
  const profile = { ...PROFILES[profileName] };
  // Lets a second checkout run beside one whose server holds the default port.
  if (process.env.DB_PORT) profile.port = Number(process.env.DB_PORT);
  const bin = findDatabaseServer();
  if (!bin) throw new Error("No MariaDB/MySQL server binary found (mariadbd or mysqld).");
  if (!bin.admin) throw new Error("mariadb-admin (or mysqladmin) is missing; install the MariaDB client tools.");

  const base = path.join(root, ".data", profileName);
  const datadir = path.join(base, "mysql");
  const tmpdir = path.join(base, "tmp");
  const socket = path.join(base, "mysqld.sock");
  const pidFile = path.join(base, "mysqld.pid");
  const logFile = path.join(base, "mysqld.log");
  const url = `mysql://root@127.0.0.1:${profile.port}/${profile.database}`;
  mkdirSync(tmpdir, { recursive: true });

  if (existsSync(pidFile) && pidAlive(Number(readFileSync(pidFile, "utf8").trim())) && ping(bin, socket)) {
    log(`Reusing the ${profileName} database server on port ${profile.port}.`);
    await createDatabase(url);
    return { url, socket, pidFile, stop: async () => {} };
  }

  if (!existsSync(path.join(datadir, "mysql"))) {
    log(`Creating a private database server in .data/${profileName}/ ...`);
    mkdirSync(datadir, { recursive: true });
    const asRoot = process.getuid?.() === 0;
    const args = bin.isMariaDb
      ? ["--no-defaults", `--datadir=${datadir}`, "--auth-root-authentication-method=normal", "--skip-test-db", ...(asRoot ? ["--user=root"] : [])]
      : ["--no-defaults", "--initialize-insecure", `--datadir=${datadir}`, ...(asRoot ? ["--user=root"] : [])];
    const r = spawnSync(bin.installDb ?? bin.server, args, { encoding: "utf8" });
    if (r.status !== 0) {
      rmSync(datadir, { recursive: true, force: true });
      throw new Error(`Could not initialise the database directory:\n${r.stderr || r.stdout}`);
    }
  }

  const args = [...serverOptions({ datadir, socket, port: profile.port, pidFile, logFile, tmpdir, bufferPool: profile.bufferPool }), ...(process.getuid?.() === 0 ? ["--user=root"] : [])];
  const out = openSync(logFile, "a");
  const child = spawn(bin.server, args, { stdio: ["ignore", out, out], detached: false });
  let exited = false;
  child.on("exit", () => (exited = true));

  const started = Date.now();
  while (!ping(bin, socket)) {
    if (exited || Date.now() - started > 60_000) {
      const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
      throw new Error(`The database server did not start (port ${profile.port} may be in use: free it, or set DB_PORT to another port). Its log says:\n${tail}`);
    }
    await sleep(100);
  }
  log(`Database server for ${profileName} is up on 127.0.0.1:${profile.port} (data in .data/${profileName}/).`);
  await createDatabase(url);

  const stop = async () => {
    if (exited) return;
    spawnSync(bin.admin, ["--no-defaults", `--socket=${socket}`, "-uroot", "shutdown"], { encoding: "utf8" });
    const t = Date.now();
    while (!exited && Date.now() - t < 20_000) await sleep(100);
    if (!exited) child.kill("SIGKILL");
  };
  return { url, socket, pidFile, stop, child };
}

/** Creates the database named in the URL if it doesn't exist. */
export async function createDatabase(url, { fresh = false } = {}) {
  const { default: mysql } = await import("mysql2/promise");
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}" in DATABASE_URL.`);
  u.pathname = "/";
  const conn = await mysql.createConnection(u.toString());
  try {
    if (fresh) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4`);
  } finally {
    await conn.end();
  }
}

/** A sibling database URL on the same server (for the test databases). */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The persistent AUTH_SECRET of a local profile, generated once. */
export async function localSecret(root, profileName) {
  const file = path.join(root, ".data", profileName, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const { randomBytes } = await import("node:crypto");
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
