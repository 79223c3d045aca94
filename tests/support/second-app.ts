import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { scaledMs } from "./load";

export type SecondApp = { url: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Another server of the build and database under test, on a free port, for a
 * test that needs other settings than the shared one: Stripe keys, or an
 * APP_URL on `localhost` (a passkey's relying party can't be an IP address).
 * APP_URL is set to the address it serves; `env` adds the rest.
 */
export async function startSecondApp(host: "localhost" | "127.0.0.1", env: Record<string, string> = {}): Promise<SecondApp> {
  const port = await freePort();
  const url = `http://${host}:${port}`;
  // Its own process group, so stopping it stops what server.mjs forks.
  const app = spawn(process.execPath, ["server.mjs", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", APP_URL: url, ...env },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stop = async () => {
    if (!app.pid || app.exitCode !== null) return;
    const exited = new Promise((r) => app.once("exit", r));
    process.kill(-app.pid, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + scaledMs(60_000);
  for (;;) {
    if (app.exitCode !== null) throw new Error(`The second app server (${url}) exited with ${app.exitCode}`);
    const up = await fetch(`${url}/login`, { redirect: "manual" }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${url} did not answer in time`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
