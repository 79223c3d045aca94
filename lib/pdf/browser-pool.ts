import "server-only";
import puppeteer, { type Browser, type CDPSession, type Page } from "puppeteer-core";

// Chromium flags that work offline on Debian: nothing phones home.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--disable-extensions",
  "--mute-audio",
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

type Lease = { page: Page; cdp: CDPSession; generation: number };

export type PoolStats = { size: number; open: number; idle: number; waiting: number; launches: number; blockedRequests: number };

/**
 * One Chromium per process, launched on first use, and a bounded set of
 * reused pages. At most `size` pages print at once; more callers wait in
 * line. When the browser dies (crash, OOM kill) the pool forgets it and the
 * next caller launches a fresh one.
 */
export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private generation = 0;
  private idle: Lease[] = [];
  private open = 0;
  private waiters: (() => void)[] = [];
  private launches = 0;
  private blockedRequests = 0;

  constructor(
    private readonly size: number,
    private readonly launch: () => Promise<Browser>,
    /** Runs once on each new page, e.g. to load a document shell it then reuses. */
    private readonly prepare?: (page: Page) => Promise<void>,
  ) {}

  stats(): PoolStats {
    return { size: this.size, open: this.open, idle: this.idle.length, waiting: this.waiters.length, launches: this.launches, blockedRequests: this.blockedRequests };
  }

  /** Runs fn on a pooled page (and its DevTools session). A page that fails is closed rather than reused. */
  async withPage<T>(fn: (page: Page, cdp: CDPSession) => Promise<T>): Promise<T> {
    const lease = await this.acquire();
    let healthy = false;
    try {
      const result = await fn(lease.page, lease.cdp);
      healthy = true;
      return result;
    } finally {
      this.release(lease, healthy);
    }
  }

  /** True when the browser of this attempt is gone, so a retry gets a fresh one. */
  isStale(generation: number): boolean {
    return generation !== this.generation;
  }

  currentGeneration(): number {
    return this.generation;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.forget();
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      this.launches += 1;
      const generation = this.generation;
      const launching = this.launch().then((browser) => {
        browser.on("disconnected", () => {
          if (this.generation === generation) this.forget();
        });
        return browser;
      });
      launching.catch(() => {
        if (this.browser === launching) this.browser = null;
      });
      this.browser = launching;
    }
    return this.browser;
  }

  private forget(): void {
    this.browser = null;
    this.generation += 1;
    this.idle = [];
    this.open = 0;
    // Everyone waiting may now open a page on the next browser.
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async acquire(): Promise<Lease> {
    for (;;) {
      const idle = this.idle.pop();
      if (idle && !idle.page.isClosed()) return idle;
      if (idle) {
        this.open -= 1;
        continue;
      }
      if (this.open < this.size) {
        this.open += 1;
        const generation = this.generation;
        try {
          return { ...(await this.newPage()), generation };
        } catch (error) {
          if (generation === this.generation) this.open -= 1;
          this.wakeOne();
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private async newPage(): Promise<{ page: Page; cdp: CDPSession }> {
    const browser = await this.getBrowser();
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    // Documents are self-contained; any fetch would be a mistake (or an injection), so none leaves.
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url().startsWith("data:")) void request.continue();
      else {
        this.blockedRequests += 1;
        void request.abort("blockedbyclient");
      }
    });
    await page.emulateMediaType("print");
    await this.prepare?.(page);
    return { page, cdp };
  }

  private release(lease: Lease, healthy: boolean): void {
    if (lease.generation !== this.generation) return;
    if (healthy && !lease.page.isClosed()) {
      this.idle.push(lease);
    } else {
      this.open -= 1;
      void lease.page.close().catch(() => undefined);
    }
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }
}
