import "server-only";
import type { Browser, CDPSession, Page } from "puppeteer-core";
import { PrinterBusyError, PrintTimeoutError } from "./printer-errors";

/** A person waiting for one PDF is "interactive"; ZIPs and email attachments are "bulk". */
export type PrintPriority = "interactive" | "bulk";

export type BrowserPoolOptions = {
  size: number;
  launch: () => Promise<Browser>;
  /** Runs once on each new page, e.g. to load a document shell it then reuses. */
  prepare?: (page: Page) => Promise<void>;
  /** How long a caller may wait in line for a page before PrinterBusyError. */
  acquireTimeoutMs: number;
  /** How long a caller may hold a page, opening a fresh one included, before PrintTimeoutError. */
  printTimeoutMs: number;
  /** Uses of a page before it is closed and a fresh one opened in its place. */
  maxPrintsPerPage: number;
  /** Pages bulk work may hold at once (default 1), so people waiting always find one free. */
  maxBulkPages?: number;
};

export type PoolStats = {
  size: number;
  open: number;
  idle: number;
  busy: number;
  bulkBusy: number;
  waiting: number;
  launches: number;
  pagesCreated: number;
  recycled: number;
  timedOut: number;
  blockedRequests: number;
};

type Lease = { page: Page; cdp: CDPSession; prints: number };
type Grant = { lease: Lease | null; generation: number; priority: PrintPriority };
type Waiter = { priority: PrintPriority; grant: (grant: Grant) => void; timer?: ReturnType<typeof setTimeout> };

/**
 * One Chromium per process, launched on first use, and at most `size` pooled
 * pages with JavaScript disabled. Callers wait in line for a page: interactive
 * ones ahead of bulk ones, and bulk work never holds more than maxBulkPages.
 * Waiting and printing both have a deadline, and a print past its deadline
 * loses its page, so a stuck print can't keep a slot. A page is replaced
 * after maxPrintsPerPage uses. When the browser dies (crash, OOM kill) the
 * pool forgets it and the next caller launches a fresh one.
 */
export class BrowserPool {
  private browser: Promise<Browser> | null = null;
  private generation = 0;
  private idle: Lease[] = [];
  private busy = 0;
  private bulkBusy = 0;
  private queue: Waiter[] = [];
  private counts = { launches: 0, pagesCreated: 0, recycled: 0, timedOut: 0, blockedRequests: 0 };

  constructor(private readonly options: BrowserPoolOptions) {}

  stats(): PoolStats {
    const { size } = this.options;
    return { size, open: this.busy + this.idle.length, idle: this.idle.length, busy: this.busy, bulkBusy: this.bulkBusy, waiting: this.queue.length, ...this.counts };
  }

  /**
   * Runs fn on a pooled page (and its DevTools session). A page whose fn
   * fails or times out is closed rather than reused.
   */
  async withPage<T>(fn: (page: Page, cdp: CDPSession) => Promise<T>, { priority = "interactive" }: { priority?: PrintPriority } = {}): Promise<T> {
    const grant = await this.acquire(priority);
    return new Promise<T>((resolve, reject) => {
      let lease = grant.lease;
      let settled = false;
      const settle = (healthy: boolean): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        this.release(grant, lease, healthy);
        return true;
      };
      const timer = setTimeout(() => {
        if (!settle(false)) return;
        this.counts.timedOut += 1;
        reject(new PrintTimeoutError(this.options.printTimeoutMs));
      }, this.options.printTimeoutMs);
      const run = async (): Promise<T | undefined> => {
        lease ??= await this.newPage();
        // Timed out while the page was opening: the slot is already free, so the late page goes.
        if (settled) {
          void lease.page.close().catch(() => undefined);
          return undefined;
        }
        lease.prints += 1;
        return fn(lease.page, lease.cdp);
      };
      run().then(
        (value) => {
          if (settle(true)) resolve(value as T);
        },
        (error: unknown) => {
          if (settle(false)) reject(error);
        },
      );
    });
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
      this.counts.launches += 1;
      const generation = this.generation;
      const launching = this.options.launch().then((browser) => {
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
    // Leases of the old browser no longer count; they are dropped when they come back.
    this.busy = 0;
    this.bulkBusy = 0;
    this.dispatch();
  }

  private acquire(priority: PrintPriority): Promise<Grant> {
    return new Promise<Grant>((resolve, reject) => {
      const waiter: Waiter = { priority, grant: resolve };
      this.queue.push(waiter);
      this.dispatch();
      if (!this.queue.includes(waiter)) return;
      waiter.timer = setTimeout(() => {
        const index = this.queue.indexOf(waiter);
        if (index < 0) return;
        this.queue.splice(index, 1);
        reject(new PrinterBusyError(this.options.acquireTimeoutMs));
      }, this.options.acquireTimeoutMs);
    });
  }

  /** Hands free slots to waiters: the first interactive one, else the first bulk one while bulk is under its share. */
  private dispatch(): void {
    this.idle = this.idle.filter((lease) => !lease.page.isClosed());
    const maxBulk = this.options.maxBulkPages ?? 1;
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy + this.idle.length < this.options.size)) {
      let index = this.queue.findIndex((w) => w.priority === "interactive");
      if (index < 0 && this.bulkBusy < maxBulk) index = 0;
      if (index < 0) return;
      const [waiter] = this.queue.splice(index, 1);
      clearTimeout(waiter!.timer);
      this.busy += 1;
      if (waiter!.priority === "bulk") this.bulkBusy += 1;
      waiter!.grant({ lease: this.idle.pop() ?? null, generation: this.generation, priority: waiter!.priority });
    }
  }

  private async newPage(): Promise<Lease> {
    const browser = await this.getBrowser();
    const page = await browser.newPage();
    this.counts.pagesCreated += 1;
    try {
      // No page script runs, so a script or handler smuggled into a document
      // can't act. Swapping documents in and printing go through DevTools
      // (Runtime.evaluate, Page.printToPDF), which still work.
      await page.setJavaScriptEnabled(false);
      const cdp = await page.createCDPSession();
      // Documents are self-contained; any fetch would be a mistake (or an injection), so none leaves.
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.url().startsWith("data:")) void request.continue();
        else {
          this.counts.blockedRequests += 1;
          void request.abort("blockedbyclient");
        }
      });
      await page.emulateMediaType("print");
      await this.options.prepare?.(page);
      return { page, cdp, prints: 0 };
    } catch (error) {
      void page.close().catch(() => undefined);
      throw error;
    }
  }

  private release(grant: Grant, lease: Lease | null, healthy: boolean): void {
    const current = grant.generation === this.generation;
    const worn = lease !== null && lease.prints >= this.options.maxPrintsPerPage;
    const keep = current && healthy && lease !== null && !lease.page.isClosed() && !worn;
    if (lease && !keep) {
      if (current && healthy && worn) this.counts.recycled += 1;
      void lease.page.close().catch(() => undefined);
    }
    // A lease of a forgotten browser was already taken off the counts.
    if (!current) return;
    this.busy -= 1;
    if (grant.priority === "bulk") this.bulkBusy -= 1;
    if (keep && lease) this.idle.push(lease);
    this.dispatch();
  }
}
