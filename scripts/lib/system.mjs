// Finds or installs what ClientDesk needs from the operating system: a
// MariaDB/MySQL server and Chromium. Uses only Node built-ins, because it runs
// before `npm install`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SEARCH_DIRS = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/usr/local/mysql/bin", "/opt/homebrew/bin", "/opt/homebrew/opt/mariadb/bin", "/usr/local/opt/mariadb/bin"];

export function log(message) {
  process.stdout.write(`\x1b[36m[clientdesk]\x1b[0m ${message}\n`);
}

export function which(names) {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), ...SEARCH_DIRS];
  for (const name of [names].flat()) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function findDatabaseServer() {
  const server = which(["mariadbd", "mysqld"]);
  if (!server) return null;
  const isMariaDb = path.basename(server) === "mariadbd" || /mariadb/i.test(run(server, ["--version"]).stdout);
  return {
    server,
    isMariaDb,
    installDb: isMariaDb ? which(["mariadb-install-db", "mysql_install_db"]) : null,
    admin: which(["mariadb-admin", "mysqladmin"]),
    client: which(["mariadb", "mysql"]),
  };
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return which(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]);
}

/**
 * The browser the end-to-end tests drive: Debian's chromium-headless-shell
 * (Chromium's own headless build, which Playwright also defaults to) when
 * there is one, else the full browser. It renders with the same Blink and V8,
 * and spends about half the CPU per test (no browser UI layers behind it).
 */
const HEADLESS_SHELLS = ["chromium-headless-shell", "chrome-headless-shell"];
export function findTestBrowser() {
  const fromEnv = process.env.E2E_CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return which(HEADLESS_SHELLS) ?? findChromium();
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  return { status: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function canUseApt() {
  if (!which("apt-get")) return null;
  if (process.getuid?.() === 0) return [];
  if (which("sudo") && run("sudo", ["-n", "true"]).status === 0) return ["sudo", "-n"];
  return null;
}

const INSTALL_HELP = `
ClientDesk needs a MySQL-compatible server and Chromium. Install them, then run the command again:

  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y mariadb-server chromium chromium-headless-shell poppler-utils unzip
  macOS:          brew install mariadb && brew install --cask chromium
  Docker:         docker compose up -d   (MySQL 8 from docker-compose.yml), then
                  export DATABASE_URL=mysql://clientdesk:clientdesk@127.0.0.1:3306/clientdesk

Or point the app (npm run up) at any MySQL 8 server with DATABASE_URL, and the
tests (npm test, which never touch DATABASE_URL) with TEST_DATABASE_URL; set
CHROMIUM_PATH to a Chrome or Chromium binary.
`;

/**
 * Makes sure the system packages are there. With DATABASE_URL set the server
 * isn't needed. Installs with apt when running as root or with passwordless
 * sudo; anywhere else it explains what to install and exits.
 */
export function ensureSystemPackages({ needServer, needPdfTools = false, needZipTools = false, needTestBrowser = false }) {
  const missing = [];
  if (needServer && !findDatabaseServer()) missing.push("mariadb-server");
  if (!findChromium()) missing.push("chromium", "fonts-liberation");
  // Optional: without apt the tests drive the full browser instead.
  if (needTestBrowser && !which(HEADLESS_SHELLS) && !process.env.E2E_CHROMIUM_PATH && canUseApt()) missing.push("chromium-headless-shell");
  if (needPdfTools && !which("pdftotext")) missing.push("poppler-utils");
  // The ZIP test checks our archives with Info-ZIP's unzip and zipinfo, as a person on Linux would open them.
  if (needZipTools && !(which("unzip") && which("zipinfo"))) missing.push("unzip");
  if (missing.length === 0) return;

  const prefix = canUseApt();
  if (!prefix) {
    process.stderr.write(`\nMissing: ${missing.join(", ")}.\n${INSTALL_HELP}`);
    process.exit(1);
  }
  log(`Installing ${missing.join(", ")} with apt (a minute or two, once)...`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const sh = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    const r = spawnSync(cmd, rest, { stdio: "inherit", env: aptEnv });
    if (r.status !== 0) {
      process.stderr.write(`\n\`${[...prefix, ...args].join(" ")}\` failed.\n${INSTALL_HELP}`);
      process.exit(1);
    }
  };
  sh(["apt-get", "update", "-q"]);
  // With recommends: chromium's bring fonts-liberation, which invoice PDFs print with.
  sh(["apt-get", "install", "-y", "-q", ...missing]);
}

/**
 * Installs npm dependencies when node_modules is missing or older than the
 * lockfile or a file in patches/ (applied by patch-package after the install).
 */
export function ensureNodeModules(root) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const patches = path.join(root, "patches");
  const inputs = [lock, ...(existsSync(patches) ? readdirSync(patches).map((f) => path.join(patches, f)) : [])].filter((f) => existsSync(f));
  if (existsSync(marker) && inputs.every((f) => statMtime(marker) >= statMtime(f))) return;
  log("Installing npm dependencies...");
  const args = existsSync(lock) ? ["ci", "--no-audit", "--no-fund"] : ["install", "--no-audit", "--no-fund"];
  const r = spawnSync("npm", args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write("\nnpm could not install the dependencies (see above).\n");
    process.exit(1);
  }
}

function statMtime(file) {
  return statSync(file).mtimeMs;
}
