import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

export const bin = (root, name) => path.join(root, "node_modules", ".bin", name);

/**
 * Runs a command to completion; resolves to its exit code. Its output goes to
 * ours, or, with `output`, to that function chunk by chunk (stdout and stderr
 * together, in order).
 */
export function run(cmd, args, { env = process.env, cwd, output } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: output ? ["ignore", "pipe", "pipe"] : "inherit", env, cwd });
    if (output) {
      child.stdout.on("data", (chunk) => output(chunk.toString()));
      child.stderr.on("data", (chunk) => output(chunk.toString()));
    }
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.on("error", () => resolve(1));
  });
}

/** Starts a long-running child in its own process group so it can be stopped with all its children. */
export function startChild(cmd, args, { env = process.env, cwd, quiet = false } = {}) {
  const child = spawn(cmd, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env, cwd, detached: true });
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const t = Date.now();
    while (!exited && Date.now() - t < 10_000) await new Promise((r) => setTimeout(r, 100));
    if (!exited) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  };
  return {
    child,
    stop,
    get exited() {
      return exited;
    },
  };
}

/** Polls a URL until it answers (any status below 500), or throws after the timeout. */
export async function waitForHttp(url, { timeoutMs = 60_000, isAlive = () => true } = {}) {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (!isAlive()) throw new Error(`The server for ${url} exited before it was ready.`);
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves true when nothing listens on the port, so a server we start is the one that answers. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
