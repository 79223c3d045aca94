#!/usr/bin/env node
// ClientDesk's HTTP server: Next.js behind a few lines that decide who the
// client is. `next start` can't do that part: Next fills X-Forwarded-For from
// the socket only when the header is missing, so a client that sends its own
// header chooses the address its rate limits and audit rows count. Here the
// address comes from the socket, and X-Forwarded-For only counts as far as
// TRUSTED_PROXIES says (lib/client-address.mjs).
//
//   node server.mjs            production (after `next build`); PORT, HOSTNAME
//   node server.mjs --dev      development, with hot reload
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dev = process.argv.includes("--dev");
// As `next start` and `next dev` do, before Next is loaded.
process.env.NODE_ENV ??= dev ? "development" : "production";

const { default: next } = await import("next");
const { parseEnv } = await import("./lib/env-schema.mjs");
const { parseTrustedProxies, resolveClientAddress } = await import("./lib/client-address.mjs");

const dir = path.dirname(fileURLToPath(import.meta.url));
const env = parseEnv();
const trust = parseTrustedProxies(env.TRUSTED_PROXIES);
const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 3000));
const hostname = process.env.HOSTNAME || undefined;

// Proves to lib/auth/ip.ts that this server set the address: a request can't
// carry this value unless it came through here.
const marker = randomBytes(18).toString("base64url");
globalThis.__clientdeskAddressMarker = marker;

const server = createServer();
const app = next({ dev, dir, port, hostname: hostname ?? "localhost", httpServer: server });
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  const { address, viaTrustedProxy } = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
  req.headers["x-forwarded-for"] = address;
  req.headers["x-clientdesk-address"] = marker;
  delete req.headers["x-real-ip"];
  delete req.headers["forwarded"];
  // Host and scheme as a client claims them are only believed from a trusted proxy.
  if (!viaTrustedProxy) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  handle(req, res).catch((error) => {
    console.error(`[server] ${req.method} ${req.url?.split("?")[0]} failed`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Something went wrong on our side.");
  });
});

await app.prepare();
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(`▲ ClientDesk ${dev ? "(development) " : ""}ready on http://${shown}:${port}${trust.kind === "none" ? "" : ` (trusted proxies: ${env.TRUSTED_PROXIES})`}`);
  if (env.TEST_CLOCK_FILE) console.warn(`▲ Test clock: "today" moves with ${env.TEST_CLOCK_FILE} (lib/clock.ts). Never set TEST_CLOCK_FILE outside tests.`);
});

// Stop taking connections, let requests in flight finish, then exit. The
// outbox worker's own handler (lib/notify/stop-on-signals.ts) holds the exit
// until its sends are recorded.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 15_000);
    force.unref();
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections?.();
  });
}
