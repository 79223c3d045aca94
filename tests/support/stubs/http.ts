import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export type StubServer = { url: string; close(): Promise<void> };

/** A node:http server on a free local port that hands each request's full body to the handler. */
export async function listen(handler: Handler, port = 0): Promise<StubServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handler(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Failure switches shared by both stubs: fail the next n requests, every
 * request while down, refuse each one quoting its body, or rate-limit the
 * next n (429, with or without Retry-After).
 */
export class Faults {
  private failures = 0;
  private limited = 0;
  private retryAfter: string | null = null;
  down = false;
  /** Refuse every request for good (a 4xx) with an error that quotes the message back, as real providers sometimes do. */
  echoBody = false;
  /** No fault set: every request answered normally again. */
  clear(): void {
    this.failures = 0;
    this.limited = 0;
    this.retryAfter = null;
    this.down = false;
    this.echoBody = false;
  }
  failNext(n: number): void {
    this.failures = n;
  }
  /** Answer the next n requests 429, with this Retry-After (null: no header), as a provider past its rate does. */
  rateLimitNext(n: number, retryAfter: string | null): void {
    this.limited = n;
    this.retryAfter = retryAfter;
  }
  /** The headers of a 429 for this request, or null when it should pass. */
  takeRateLimit(): Record<string, string> | null {
    if (this.limited <= 0) return null;
    this.limited -= 1;
    return this.retryAfter === null ? {} : { "retry-after": this.retryAfter };
  }
  /** True when this request should get a 500. */
  take(): boolean {
    if (this.down) return true;
    if (this.failures <= 0) return false;
    this.failures -= 1;
    return true;
  }
}
