#!/usr/bin/env node
// `npm test`: the whole suite from a fresh clone. Installs what is missing,
// starts a private test database (never the dev one), and runs lint,
// typecheck, unit, integration and browser end-to-end tests against a
// production build. Exits non-zero on any failure.
//
// `npm test -- unit integration` runs only the named steps, and any other
// word narrows the jest steps to test files whose path matches it
// (`npm test -- integration auth-login`).
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, startPrivateServer, withDatabase } from "./lib/database.mjs";
import { bin, portIsFree, run, startChild, waitForHttp } from "./lib/process.mjs";
import { ensureNodeModules, ensureSystemPackages, findChromium, findTestBrowser, log } from "./lib/system.mjs";
import { typecheck } from "./lib/typecheck.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ALL = ["lint", "typecheck", "unit", "integration", "e2e"];
const requested = process.argv.slice(2).filter((a) => ALL.includes(a));
const steps = requested.length ? requested : ALL;
const patterns = process.argv.slice(2).filter((a) => !ALL.includes(a) && !a.startsWith("-"));
const needsDb = steps.includes("integration") || steps.includes("e2e");
const artifacts = path.join(root, "tests", ".artifacts");
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// The e2e build's folder, so a running `npm run up` (in .next) is untouched.
const E2E_DIST_DIR = ".next-test";
// The e2e files run in band in jest processes that share one list of files
// (tests/support/e2e-queue-runner.mjs), each against its own app server,
// database and test clock. E2E_WORKERS of them start with the browser lane
// (one per two cores: on 2 cores the checks lane keeps the second core busy),
// and one more joins when the checks lane is done and its core is free
// (E2E_JOIN=off leaves it out): docs/architecture.md, "Tests".
const E2E_WORKERS = Math.max(1, Math.floor(Number(process.env.E2E_WORKERS ?? availableParallelism() / 2)) || 1);
const E2E_JOIN = process.env.E2E_JOIN !== "off";

ensureNodeModules(root);
// The tests drop and recreate their databases, so they never go to a server
// because DATABASE_URL happens to be set (that may be the business's own):
// only TEST_DATABASE_URL, set for the purpose, sends them elsewhere.
const externalUrl = process.env.TEST_DATABASE_URL || undefined;
if (!externalUrl && process.env.DATABASE_URL) log("DATABASE_URL is set and left alone: the tests use their own database server (set TEST_DATABASE_URL to use another one).");
ensureSystemPackages({ needServer: needsDb && !externalUrl, needPdfTools: needsDb, needZipTools: steps.includes("unit"), needTestBrowser: steps.includes("e2e") });
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const results = [];
let database = null;
let apps = [];
const started = Date.now();

async function cleanup() {
  await Promise.all(apps.map((app) => app.stop()));
  await database?.stop();
}
process.on("SIGINT", async () => {
  await cleanup();
  process.exit(130);
});

/**
 * One named step. A buffered step (the checks lane, while the browser lane
 * streams) keeps its output and prints it in one piece when it ends, so two
 * lanes never interleave their lines.
 */
async function step(name, fn, { buffered = false } = {}) {
  const t = Date.now();
  log(`── ${name} ── started`);
  const chunks = [];
  const output = buffered ? (chunk) => chunks.push(chunk) : undefined;
  let ok = false;
  try {
    ok = await fn(output);
  } catch (error) {
    chunks.push(`${error instanceof Error ? error.message : error}\n`);
    if (!buffered) console.error(error instanceof Error ? error.message : error);
  }
  if (buffered && chunks.length) process.stdout.write(`\n── ${name} output ──\n${chunks.join("")}`);
  results.push({ name, ok, seconds: (Date.now() - t) / 1000 });
  log(`${name}: ${ok ? "passed" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return ok;
}

// Jest loads every module anew for each test file, so its processes allocate far more than
// they keep: a larger young generation makes them collect less often (integration in band: about
// 10 s less, docs/architecture.md "Tests").
const JEST_NODE_OPTIONS = "--max-semi-space-size=64";
const jest = (project, env, extra = [], output, report = project) =>
  run(bin(root, "jest"), ["--selectProjects", project, "--json", `--outputFile=${path.join(artifacts, `${report}.json`)}`, ...extra, ...(patterns.length ? ["--testPathPatterns", ...patterns] : [])], {
    env: { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, JEST_NODE_OPTIONS].filter(Boolean).join(" ") },
    cwd: root,
    output,
  }).then((c) => c === 0);

const baseEnv = {
  ...process.env,
  NODE_ENV: "test",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  // The app's PDF printer runs the full browser, as deployed; the tests' own browser is the headless shell when there is one.
  CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? findChromium() ?? "/usr/bin/chromium",
  E2E_CHROMIUM_PATH: findTestBrowser() ?? "/usr/bin/chromium",
  // Tests never send through real providers, whatever the shell has set.
  RESEND_API_KEY: "",
  TWILIO_ACCOUNT_SID: "",
  TWILIO_AUTH_TOKEN: "",
  STRIPE_SECRET_KEY: "",
  STRIPE_WEBHOOK_SECRET: "",
  STRIPE_API_BASE: "",
  // Only the e2e server gets a test clock, below.
  TEST_CLOCK_FILE: "",
  // The e2e tests' screenshots are for a person to look at, and a CI clone is thrown away
  // after the run: there they only cost time (about 200 of them). E2E_SCREENSHOTS=on|off chooses.
  E2E_SCREENSHOTS: process.env.E2E_SCREENSHOTS ?? (process.env.CI ? "off" : "on"),
};

const tsx = (script, env, output) => run(bin(root, "tsx"), ["--tsconfig", "tsconfig.scripts.json", script], { env, cwd: root, output });

// The database starts once, in the background, while the first checks run.
let serverUrlPromise = null;
function databaseUrl() {
  serverUrlPromise ??= externalUrl
    ? Promise.resolve(externalUrl)
    : startPrivateServer(root, "test").then((db) => {
        database = db;
        return db.url;
      });
  return serverUrlPromise;
}
if (needsDb) databaseUrl().catch(() => {});

// Two lanes side by side, one per core: the checks (typecheck, lint, unit,
// integration) and the browser lane (build, seed, end-to-end). The build
// starts after the typecheck, which reads the types the build writes.
let typechecked = Promise.resolve(false);

async function checksLane(buffered) {
  if (steps.includes("typecheck")) {
    const done = step(
      "typecheck",
      // With the route types the e2e build would write, so the build can skip its own check (browserLane).
      // typegen checks the environment as a build does; this DATABASE_URL is never connected to.
      (output) => typecheck(root, { distDir: E2E_DIST_DIR, env: { ...baseEnv, DATABASE_URL: "mysql://typegen@127.0.0.1:3306/typegen" }, output }),
      { buffered },
    );
    typechecked = done;
  }
  // Lint runs beside the typecheck: neither writes what the other reads, and
  // the first seconds of a run would otherwise leave a core to the database's start.
  if (steps.includes("lint")) {
    await step(
      "lint",
      async (output) => {
        const eslint = await run(bin(root, "eslint"), ["--max-warnings=0", "."], { cwd: root, output });
        // The formatter's check too: `npm run format` writes what it asks for.
        const prettier = await run(bin(root, "prettier"), ["--check", "--log-level=warn", "**/*.{ts,tsx,mjs,js,css}"], { cwd: root, output });
        return eslint === 0 && prettier === 0;
      },
      { buffered: buffered || steps.includes("typecheck") },
    );
  }
  await typechecked;
  if (steps.includes("unit")) await step("unit", (output) => jest("unit", baseEnv, [], output), { buffered });
  if (steps.includes("integration")) {
    await step(
      "integration",
      async (output) => {
        const url = withDatabase(await databaseUrl(), "clientdesk_test");
        // Not UTC, so that an instant written in the process's zone instead of UTC fails a test
        // (tests/integration/sessions.test.ts: the session's expiry). TEST_TZ picks another.
        const env = { ...baseEnv, TZ: process.env.TEST_TZ ?? "America/New_York", DATABASE_URL: url, APP_URL: "http://127.0.0.1:3999", OUTBOX_WORKER: "off" };
        await createDatabase(url, { fresh: true });
        if ((await tsx("scripts/migrate.ts", env, output)) !== 0) return false;
        return jest("integration", env, ["--runInBand"], output);
      },
      { buffered },
    );
  }
}

/**
 * The app servers the e2e tests run against: one per e2e process (the
 * E2E_WORKERS that start with the browser lane, and the one that joins), each
 * with its own database (seeded with the demo data), port and test clock, so a
 * file sees the same thing whichever process runs it, and no test can move
 * another process's clock or rows.
 */
function e2eServers() {
  return Array.from({ length: E2E_WORKERS + (E2E_JOIN ? 1 : 0) }, (_, i) => {
    const suffix = i === 0 ? "" : `_${i + 1}`;
    return {
      port: E2E_PORT + i,
      baseUrl: `http://127.0.0.1:${E2E_PORT + i}`,
      database: `clientdesk_e2e${suffix}`,
      // The app under test reads its clock's offset from this file, which only the tests write (lib/clock.ts).
      clockFile: path.join(artifacts, `test-clock${suffix}.json`),
    };
  });
}

/** A fresh database for one e2e server: created, migrated and seeded. Its output is kept and printed only when it fails. */
async function prepareE2eDatabase(appEnv) {
  const chunks = [];
  const output = (chunk) => chunks.push(chunk);
  await createDatabase(appEnv.DATABASE_URL, { fresh: true });
  const ok = (await tsx("scripts/migrate.ts", appEnv, output)) === 0 && (await tsx("scripts/seed.ts", appEnv, output)) === 0;
  if (!ok) process.stdout.write(chunks.join(""));
  return ok;
}

/** The browser lane; `checksDone` settles when the checks lane ends, and frees a core for one more e2e process. */
async function browserLane(checksDone) {
  if (!steps.includes("e2e")) return;
  const servers = e2eServers();
  const env = {
    ...baseEnv,
    NODE_ENV: "production",
    NEXT_DIST_DIR: E2E_DIST_DIR,
    // The typecheck step has just checked these very files (with the same route types):
    // the build's own pass would take as long again. Without that step, the build checks.
    NEXT_BUILD_TYPECHECK: (await typechecked) ? "off" : "on",
    // A CI clone is thrown away after the run, so nothing would read Turbopack's build cache;
    // on a developer's machine it makes the next run's build about three times cheaper.
    NEXT_BUILD_CACHE: process.env.CI ? "off" : "on",
  };
  await step("e2e", async () => {
    for (const server of servers) {
      if (!(await portIsFree(server.port))) throw new Error(`Port ${server.port} is in use, so the app under test can't start there. Free it or set E2E_PORT.`);
    }
    const serverUrl = await databaseUrl();
    const envOf = (server) => ({ ...env, APP_URL: server.baseUrl, DATABASE_URL: withDatabase(serverUrl, server.database), TEST_CLOCK_FILE: server.clockFile });
    // The databases are migrated and seeded while the app builds: neither reads what the other writes.
    log(`Building the app for end-to-end tests, and preparing ${servers.length} database${servers.length > 1 ? "s" : ""} (${servers.map((s) => s.database).join(", ")})...`);
    const prepared = Promise.all(servers.map((server) => prepareE2eDatabase(envOf(server)))).catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      return [false];
    });
    const built = (await run(bin(root, "next"), ["build"], { env: envOf(servers[0]), cwd: root })) === 0;
    if (!(await prepared).every(Boolean) || !built) return false;

    // One e2e process: its app server, then jest in band on the shared list of files.
    const queue = path.join(artifacts, "e2e-queue");
    const stream = async (i, output) => {
      const server = servers[i];
      const app = startChild(process.execPath, ["server.mjs", "--port", String(server.port)], { env: envOf(server), cwd: root });
      apps.push(app);
      await waitForHttp(`${server.baseUrl}/login`, { isAlive: () => !app.exited });
      // The tests, and whatever they spawn (a second app, a script), read this server's address, database and clock.
      const jestEnv = { ...envOf(server), NODE_ENV: "test", E2E_BASE_URL: server.baseUrl, E2E_QUEUE: queue, E2E_STREAM: `e2e ${i + 1}` };
      const ok = await jest("e2e", jestEnv, [], output, i === 0 ? "e2e" : `e2e-${i + 1}`);
      await app.stop();
      return ok;
    };
    // The first streams its output; the others keep theirs and print it in one piece when they end.
    const buffered = async (i) => {
      const chunks = [];
      const ok = await stream(i, (chunk) => chunks.push(chunk));
      process.stdout.write(`\n── e2e ${i + 1} output ──\n${chunks.join("")}`);
      return ok;
    };
    let running = E2E_WORKERS;
    const starters = Array.from({ length: E2E_WORKERS }, (_, i) => (i === 0 ? stream(0) : buffered(i)).finally(() => (running -= 1)));
    // When every starter has ended, every file has been taken: nothing is left to join.
    const joiner = E2E_JOIN ? checksDone.then(() => (running > 0 ? buffered(E2E_WORKERS) : true)) : Promise.resolve(true);
    const results = await Promise.all([...starters, joiner]);
    apps = [];
    return results.every(Boolean);
  });
}

try {
  // The checks lane buffers its output only while the browser lane streams beside it.
  const checks = checksLane(steps.includes("e2e"));
  await Promise.all([checks, browserLane(checks.catch(() => {}))]);
} finally {
  await cleanup();
}

// One closing line that CI reads: "N passed, N failed".
let passed = 0;
let failed = 0;
// The e2e processes each write their own report (e2e.json, e2e-2.json, ...).
const reports = readdirSync(artifacts).filter((f) => /^(unit|integration|e2e(-\d+)?)\.json$/.test(f));
for (const project of ["unit", "integration", "e2e"]) {
  const files = reports.filter((f) => f.replace(/(-\d+)?\.json$/, "") === project).map((f) => JSON.parse(readFileSync(path.join(artifacts, f), "utf8")));
  if (!files.length) continue;
  const sum = (key) => files.reduce((n, report) => n + report[key], 0);
  passed += sum("numPassedTests");
  failed += sum("numFailedTests");
  // Files that ran: an e2e process counts the files the others took in its total.
  log(`${project}: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed (${sum("numPassedTestSuites") + sum("numFailedTestSuites")} files)`);
}
for (const r of results) log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(12)} ${r.seconds.toFixed(1)} s`);
const stepFailures = results.filter((r) => !r.ok).length;
log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed + (failed === 0 ? stepFailures : 0)} failed`);
process.exit(stepFailures > 0 || failed > 0 ? 1 : 0);
