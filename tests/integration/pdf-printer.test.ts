import type { Page } from "puppeteer-core";
import type { BrowserPool, PrintPriority } from "@/lib/pdf/browser-pool";
import { createPrintPool, getPdfPool, printPdf, type PrinterSettings } from "@/lib/pdf/print";
import { PrinterBusyError, PrintTimeoutError } from "@/lib/pdf/printer-errors";
import { deferred, scaledMs } from "../support/load";
import { pdfText } from "../support/pdf-tools";

// The printer itself: real Chromium, the app's pool and page setup, each test
// with its own small pool so it controls every slot.

const pools: BrowserPool[] = [];

function printer(overrides: Partial<PrinterSettings> = {}): BrowserPool {
  const pool = createPrintPool({
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    PDF_POOL_SIZE: 1,
    PDF_ACQUIRE_TIMEOUT_MS: scaledMs(60_000),
    PDF_PRINT_TIMEOUT_MS: scaledMs(60_000),
    PDF_PAGE_MAX_PRINTS: 100,
    ...overrides,
  });
  pools.push(pool);
  return pool;
}

const doc = (text: string) => ({ title: text, footerLabel: text, bodyHtml: `<h1>${text}</h1>` });

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

afterAll(async () => {
  await getPdfPool().close();
});

describe("printing a document", () => {
  it("runs none of its scripts or event handlers: the PDF shows the text as written", async () => {
    const set = (id: string) => `document.getElementById('${id}').textContent='${id}: RAN'`;
    const probes: Record<string, string> = {
      script: `<script>${set("script")}</script>`,
      "img onerror": `<img src="data:," onerror="${set("img onerror")}">`,
      "img onload": `<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload="${set("img onload")}">`,
      "style onload": `<style onload="${set("style onload")}"></style>`,
      "iframe script": `<iframe srcdoc="<script>parent.${set("iframe script")}</script>"></iframe>`,
    };
    const bodyHtml = Object.entries(probes)
      .map(([id, probe]) => `<p id="${id}">${id}: as written</p>${probe}`)
      .join("");
    // The app's own pool, as the routes use it.
    const text = pdfText(await printPdf({ title: "Scripts", footerLabel: "Scripts", bodyHtml }));
    for (const id of Object.keys(probes)) expect([id, text.includes(`${id}: as written`)]).toEqual([id, true]);
    expect(text).not.toContain("RAN");
  });
});

describe("the printer's deadlines", () => {
  it("stops a print stuck past the print timeout, closes its page and serves the next print on a fresh one", async () => {
    const pool = printer({ PDF_PRINT_TIMEOUT_MS: scaledMs(2_000) });
    await printPdf(doc("Warm up"), { pool });
    const closed = deferred();
    let stuckPage: Page | undefined;
    const stuck = pool.withPage(async (page) => {
      stuckPage = page;
      page.once("close", () => closed.resolve());
      // A DevTools call Chromium never answers: the print never returns.
      await page.evaluate(() => new Promise(() => undefined));
    });
    await expect(stuck).rejects.toBeInstanceOf(PrintTimeoutError);
    await closed.promise;
    expect(stuckPage!.isClosed()).toBe(true);
    expect(pool.stats()).toMatchObject({ busy: 0, idle: 0, timedOut: 1, pagesCreated: 1 });
    expect(pdfText(await printPdf(doc("After the stuck print"), { pool }))).toContain("After the stuck print");
    expect(pool.stats()).toMatchObject({ busy: 0, idle: 1, pagesCreated: 2 });
  });

  it("turns away a caller still waiting for a page after the acquire timeout, then serves callers once a page is free", async () => {
    const pool = printer({ PDF_ACQUIRE_TIMEOUT_MS: 250 });
    const holding = deferred();
    const release = deferred();
    const holder = pool.withPage(async () => {
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const waiter = pool.withPage(async () => "printed");
    expect(pool.stats()).toMatchObject({ busy: 1, waiting: 1 });
    await expect(waiter).rejects.toThrow(new PrinterBusyError(250));
    expect(pool.stats()).toMatchObject({ busy: 1, waiting: 0 });
    release.resolve();
    await holder;
    await expect(pool.withPage(async () => "printed")).resolves.toBe("printed");
  });
});

describe("the printer's pages", () => {
  it("are replaced by fresh ones after PDF_PAGE_MAX_PRINTS prints", async () => {
    const pool = printer({ PDF_PAGE_MAX_PRINTS: 3 });
    const created: number[] = [];
    let last: Buffer | undefined;
    for (let i = 1; i <= 7; i++) {
      last = await printPdf(doc(`Print ${i}`), { pool });
      created.push(pool.stats().pagesCreated);
    }
    expect(created).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(pool.stats()).toMatchObject({ recycled: 2, open: 1, idle: 1 });
    expect(pdfText(last!)).toContain("Print 7");
  });

  it("go to people waiting for one PDF before bulk work that queued earlier", async () => {
    const pool = printer({ PDF_POOL_SIZE: 1 });
    const holding = deferred();
    const release = deferred();
    const holder = pool.withPage(async () => {
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const order: string[] = [];
    const job = (name: string, priority: PrintPriority) => pool.withPage(async () => void order.push(name), { priority });
    const jobs = [job("bulk 1", "bulk"), job("bulk 2", "bulk"), job("person 1", "interactive"), job("bulk 3", "bulk"), job("person 2", "interactive")];
    expect(pool.stats().waiting).toBe(5);
    release.resolve();
    await Promise.all([holder, ...jobs]);
    expect(order).toEqual(["person 1", "person 2", "bulk 1", "bulk 2", "bulk 3"]);
  });

  it("are held by bulk work one at a time, so a person finds another free at once", async () => {
    const pool = printer({ PDF_POOL_SIZE: 2 });
    const firstStarted = deferred();
    const release = deferred();
    const started: string[] = [];
    let bulkRunning = 0;
    let bulkPeak = 0;
    const bulk = (n: number) =>
      pool.withPage(
        async () => {
          bulkPeak = Math.max(bulkPeak, ++bulkRunning);
          started.push(`bulk ${n}`);
          firstStarted.resolve();
          await release.promise;
          bulkRunning -= 1;
        },
        { priority: "bulk" },
      );
    const bulks = [1, 2, 3].map(bulk);
    await firstStarted.promise;
    expect(pool.stats()).toMatchObject({ busy: 1, bulkBusy: 1, waiting: 2 });
    const whilePersonPrinted = await pool.withPage(async () => {
      started.push("person");
      return pool.stats();
    });
    expect(whilePersonPrinted).toMatchObject({ busy: 2, bulkBusy: 1 });
    release.resolve();
    await Promise.all(bulks);
    expect(started).toEqual(["bulk 1", "person", "bulk 2", "bulk 3"]);
    expect(bulkPeak).toBe(1);
  });
});
