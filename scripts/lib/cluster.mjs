// A private MariaDB Galera cluster on localhost: N nodes in .data/<dir>/nodeN,
// each its own mariadbd with its own ports. Node 1 bootstraps, the others join
// and receive the data by state transfer (rsync). Used by `npm run cluster`,
// `npm run test:cluster` and `npm run bench:cluster`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, ping, pidAlive, serverOptions, sleep } from "./database.mjs";
import { portIsFree } from "./process.mjs";
import { findDatabaseServer, log, which } from "./system.mjs";

const PROVIDERS = ["/usr/lib/galera/libgalera_smm.so", "/usr/lib/libgalera_smm.so", "/usr/lib64/galera-4/libgalera_smm.so", "/usr/lib64/galera/libgalera_smm.so"];

export function findGaleraProvider() {
  return process.env.WSREP_PROVIDER && existsSync(process.env.WSREP_PROVIDER) ? process.env.WSREP_PROVIDER : (PROVIDERS.find((p) => existsSync(p)) ?? null);
}

/** Installs galera-4 and rsync (state transfer) with apt when missing and allowed (root or passwordless sudo). */
export function ensureGaleraPackages() {
  const missing = [];
  if (!findDatabaseServer()) missing.push("mariadb-server");
  if (!findGaleraProvider()) missing.push("galera-4");
  if (!which("rsync")) missing.push("rsync");
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : which("sudo") && spawnSync("sudo", ["-n", "true"]).status === 0 ? ["sudo", "-n"] : null;
  if (!which("apt-get") || !prefix) {
    process.stderr.write(`\nMissing: ${missing.join(", ")}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(" ")}) and run the command again.\n`);
    process.exit(1);
  }
  log(`Installing ${missing.join(", ")} with apt...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["apt-get", "update", "-q"],
    ["apt-get", "install", "-y", "-q", ...missing],
  ]) {
    const [cmd, ...rest] = [...prefix, ...args];
    if (spawnSync(cmd, rest, { stdio: "inherit", env }).status !== 0) {
      process.stderr.write(`\n\`${[...prefix, ...args].join(" ")}\` failed.\n`);
      process.exit(1);
    }
  }
}

/**
 * The ports of node i (1-based) from one base: MySQL base+i, Galera
 * replication base+1100+i, incremental state transfer base+1110+i, full
 * state transfer base+1120+i. The default base 3470 gives 3471-3473,
 * 4571-4573, 4581-4583 and 4591-4593.
 */
export function nodePorts(base, i) {
  return { mysql: base + i, gcomm: base + 1100 + i, ist: base + 1110 + i, sst: base + 1120 + i };
}

function status(bin, socket) {
  const r = spawnSync(
    bin.client,
    [
      "--no-defaults",
      `--socket=${socket}`,
      "-uroot",
      "--connect-timeout=2",
      "-N",
      "-B",
      "-e",
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready','wsrep_cluster_status')",
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) return null;
  return Object.fromEntries(
    r.stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t")),
  );
}

function grastate(datadir) {
  const file = path.join(datadir, "grastate.dat");
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  return { file, text, safe: /safe_to_bootstrap:\s*1/.test(text), seqno: Number(/seqno:\s*(-?\d+)/.exec(text)?.[1] ?? -1) };
}

/**
 * Starts (or reuses) a Galera cluster. Options: dir (under .data/, default
 * "cluster"), nodes (3), base port (3470), database name, fresh (wipe the
 * data first), bufferPool. Returns { nodes, stop() }; each node has url,
 * port, socket, pid, start(), kill9() and stop().
 */
export async function startCluster(root, { dir = "cluster", nodes: count = 3, base = 3470, database = "clientdesk", fresh = false, bufferPool = "128M" } = {}) {
  const bin = findDatabaseServer();
  const provider = findGaleraProvider();
  if (!bin?.isMariaDb || !bin.admin || !bin.client) throw new Error("The Galera cluster needs MariaDB's mariadbd, mariadb-admin and mariadb client.");
  if (!provider) throw new Error("libgalera_smm.so not found: install galera-4 (or set WSREP_PROVIDER).");
  const clusterDir = path.join(root, ".data", dir);
  if (fresh) rmSync(clusterDir, { recursive: true, force: true });
  // As root, the nodes run as the mysql user: rsync's state transfer daemon drops
  // root for "nobody" and could not write a root-owned data directory.
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? (spawnSync("id", ["-u", "mysql"]).status === 0 ? "mysql" : null) : null;
  if (asRoot && !runAs) throw new Error("Running as root, the cluster needs a mysql system user (the mariadb-server package creates it).");
  const all = Array.from({ length: count }, (_, k) => nodePorts(base, k + 1));
  const address = `gcomm://${all.map((p) => `127.0.0.1:${p.gcomm}`).join(",")}`;

  const nodes = all.map((ports, k) => {
    const i = k + 1;
    const home = path.join(clusterDir, `node${i}`);
    const datadir = path.join(home, "mysql");
    const tmpdir = path.join(home, "tmp");
    const socket = path.join(home, "mysqld.sock");
    const pidFile = path.join(home, "mysqld.pid");
    const logFile = path.join(home, "mysqld.log");
    const node = {
      index: i,
      name: `node${i}`,
      port: ports.mysql,
      ports,
      socket,
      datadir,
      logFile,
      url: `mysql://root@127.0.0.1:${ports.mysql}/${database}`,
      child: null,
      pid: null,
      startedHere: false,
      get alive() {
        return Boolean(node.pid && pidAlive(node.pid));
      },
      /** Starts this node's mariadbd; bootstrap makes it a new cluster's first node. */
      async start({ bootstrap = false } = {}) {
        mkdirSync(tmpdir, { recursive: true });
        if (runAs) spawnSync("chown", ["-R", `${runAs}:${runAs}`, home]);
        if (!existsSync(path.join(datadir, "mysql"))) {
          mkdirSync(datadir, { recursive: true });
          const r = spawnSync(bin.installDb, ["--no-defaults", `--datadir=${datadir}`, "--auth-root-authentication-method=normal", "--skip-test-db", ...(runAs ? [`--user=${runAs}`] : [])], {
            encoding: "utf8",
          });
          if (r.status !== 0) throw new Error(`Could not initialise ${datadir}:\n${r.stderr || r.stdout}`);
        }
        const providerOptions = [
          `gmcast.listen_addr=tcp://127.0.0.1:${ports.gcomm}`,
          `ist.recv_addr=127.0.0.1:${ports.ist}`,
          "gcache.size=128M",
          // Notice a dead node in about 3 s, not the default 15, so the survivors resume writing quickly.
          "evs.keepalive_period=PT0.5S",
          "evs.inactive_check_period=PT0.5S",
          "evs.suspect_timeout=PT2S",
          "evs.inactive_timeout=PT3S",
          "evs.install_timeout=PT3S",
          "pc.recovery=TRUE",
        ].join(";");
        const args = [
          ...serverOptions({ datadir, socket, port: ports.mysql, pidFile, logFile, tmpdir, bufferPool }),
          // What Galera requires.
          "--binlog-format=ROW",
          "--default-storage-engine=InnoDB",
          "--innodb-autoinc-lock-mode=2",
          "--wsrep-on=ON",
          `--wsrep-provider=${provider}`,
          "--wsrep-cluster-name=clientdesk",
          `--wsrep-cluster-address=${address}`,
          `--wsrep-node-name=${node.name}`,
          `--wsrep-node-address=127.0.0.1:${ports.gcomm}`,
          `--wsrep-node-incoming-address=127.0.0.1:${ports.mysql}`,
          `--wsrep-provider-options=${providerOptions}`,
          "--wsrep-sst-method=rsync",
          `--wsrep-sst-receive-address=127.0.0.1:${ports.sst}`,
          "--wsrep-slave-threads=2",
          ...(bootstrap ? ["--wsrep-new-cluster"] : []),
          ...(runAs ? [`--user=${runAs}`] : []),
        ];
        const out = openSync(logFile, "a");
        const child = spawn(bin.server, args, { stdio: ["ignore", out, out] });
        node.child = child;
        node.pid = child.pid;
        node.startedHere = true;
        child.on("exit", () => {
          if (node.child === child) node.pid = null;
        });
        await node.waitSynced();
      },
      /** Waits until this node answers, is Synced and sees every live node of the cluster. */
      async waitSynced({ size, timeoutMs = 180_000 } = {}) {
        const want = size ?? nodes.filter((n) => n.alive).length;
        const t = Date.now();
        for (;;) {
          if (!node.alive) throw new Error(`${node.name} exited while starting. Its log ends:\n${tail(logFile)}`);
          const s = ping(bin, socket) ? status(bin, socket) : null;
          if (s && s.wsrep_local_state_comment === "Synced" && s.wsrep_ready === "ON" && Number(s.wsrep_cluster_size) >= want) return s;
          if (Date.now() - t > timeoutMs) throw new Error(`${node.name} did not reach Synced with ${want} nodes (last status ${JSON.stringify(s)}). Its log ends:\n${tail(logFile)}`);
          await sleep(200);
        }
      },
      status: () => status(bin, socket),
      /** kill -9: the node dies without a goodbye, as in a crash. */
      kill9() {
        if (node.pid) process.kill(node.pid, "SIGKILL");
      },
      async waitExit(timeoutMs = 20_000) {
        const t = Date.now();
        while (node.alive && Date.now() - t < timeoutMs) await sleep(100);
      },
      /** A clean shutdown. */
      async stop() {
        if (!node.alive) return;
        spawnSync(bin.admin, ["--no-defaults", `--socket=${socket}`, "-uroot", "shutdown"], { encoding: "utf8" });
        await node.waitExit(60_000);
        if (node.alive) process.kill(node.pid, "SIGKILL");
      },
    };
    // A node left running by an earlier run is reused, not started twice.
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, "utf8").trim());
      if (pid && pidAlive(pid) && ping(bin, socket)) node.pid = pid;
    }
    return node;
  });

  const running = nodes.filter((n) => n.alive);
  for (const n of nodes) {
    if (n.alive) continue;
    for (const p of Object.values(n.ports)) {
      if (!(await portIsFree(p))) throw new Error(`Port ${p} (for ${n.name}) is in use by another program. Choose other ports with CLUSTER_PORT_BASE (now ${base}).`);
    }
  }
  try {
    if (running.length === 0) {
      // Bootstrap from the node that Galera marked safe (the last one stopped), else the most advanced, else node 1.
      const states = nodes.map((n) => grastate(n.datadir));
      let first = states.findIndex((s) => s?.safe);
      if (first < 0) {
        const best = Math.max(...states.map((s) => s?.seqno ?? -1));
        first = Math.max(
          0,
          states.findIndex((s) => s && s.seqno === best && best >= 0),
        );
        const s = states[first];
        // After a crash of every node no one is marked safe: this local cluster trusts the chosen node.
        if (s) writeFileSync(s.file, s.text.replace(/safe_to_bootstrap:\s*0/, "safe_to_bootstrap: 1"));
      }
      log(`Bootstrapping the Galera cluster from ${nodes[first].name} (127.0.0.1:${nodes[first].port})...`);
      await nodes[first].start({ bootstrap: true });
      for (const n of nodes) {
        if (n === nodes[first]) continue;
        log(`Joining ${n.name} (127.0.0.1:${n.port}); it copies the data by state transfer...`);
        await n.start();
      }
    } else {
      log(`Reusing ${running.length} running node(s) in .data/${dir}/.`);
      for (const n of nodes) if (!n.alive) await n.start();
    }
  } catch (error) {
    // Leaves nothing running behind a failed start.
    for (const n of [...nodes].reverse()) if (n.startedHere) await n.stop();
    throw error;
  }
  await nodes[0].waitSynced({ size: count });
  log(`Galera cluster of ${count} is Synced: ${nodes.map((n) => `127.0.0.1:${n.port}`).join(", ")} (data in .data/${dir}/).`);
  await createDatabase(nodes[0].url);

  return {
    nodes,
    /** Stops the nodes this process started, last node first, so node 1 is marked safe to bootstrap next time. */
    async stop() {
      for (const n of [...nodes].reverse()) if (n.startedHere) await n.stop();
    },
  };
}

function tail(file) {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-20).join("\n") : "(no log)";
}

/**
 * DATABASE_URL and DATABASE_FAILOVER_URLS for a process that should use node
 * `first` (0-based) and fail over to the others in turn.
 */
export function hostListEnv(nodes, first) {
  const order = nodes.map((_, k) => nodes[(first + k) % nodes.length]);
  return {
    DATABASE_URL: order[0].url,
    DATABASE_FAILOVER_URLS: order
      .slice(1)
      .map((n) => n.url)
      .join(","),
  };
}
