/** @jest-environment node */
import { PdfCache } from "@/lib/pdf/cache";

// The in-memory cache of printed PDFs: keyed by document version, bounded by
// bytes, and one print shared by everyone asking for the same version at once.

const MB = 1024 * 1024;
const pdf = (text: string) => Buffer.from(`%PDF-1.7 ${text}`);
// Only the length counts against the budget, so large "PDFs" needn't be allocated.
const sized = (bytes: number) => ({ length: bytes }) as Buffer;

function renderer(make: (n: number) => Buffer) {
  let calls = 0;
  const render = jest.fn(async () => make(++calls));
  return render;
}

describe("the PDF cache", () => {
  it("prints a version once and serves it from memory after that", async () => {
    const cache = new PdfCache();
    const render = renderer((n) => pdf(`print ${n}`));
    const first = await cache.getOrRender("7:3", render);
    const again = await cache.getOrRender("7:3", render);
    expect(first).toEqual({ pdf: pdf("print 1"), cached: false });
    expect(again.cached).toBe(true);
    expect(again.pdf).toBe(first.pdf);
    expect(render).toHaveBeenCalledTimes(1);
    // A new version of the invoice is a new key: printed afresh.
    expect(await cache.getOrRender("7:4", render)).toEqual({ pdf: pdf("print 2"), cached: false });
  });

  it("shares one print among everyone who asks while it runs", async () => {
    const cache = new PdfCache();
    let finish!: (b: Buffer) => void;
    const render = jest.fn(() => new Promise<Buffer>((resolve) => (finish = resolve)));
    const waiting = [cache.getOrRender("9:1", render), cache.getOrRender("9:1", render), cache.getOrRender("9:1", render)];
    finish(pdf("shared"));
    const results = await Promise.all(waiting);
    expect(render).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.pdf.toString())).toEqual(Array(3).fill("%PDF-1.7 shared"));
    expect(results.every((r) => r.cached === false)).toBe(true);
    expect((await cache.getOrRender("9:1", render)).cached).toBe(true);
  });

  it("gives a failed print to everyone waiting, keeps nothing, and prints again when asked again", async () => {
    const cache = new PdfCache();
    let fail!: (e: Error) => void;
    const failing = jest.fn(() => new Promise<Buffer>((_, reject) => (fail = reject)));
    const waiting = [cache.getOrRender("5:1", failing), cache.getOrRender("5:1", failing)];
    fail(new Error("Chromium died"));
    for (const w of waiting) await expect(w).rejects.toThrow("Chromium died");
    expect(failing).toHaveBeenCalledTimes(1);
    expect(await cache.getOrRender("5:1", async () => pdf("retried"))).toEqual({ pdf: pdf("retried"), cached: false });
  });

  it("holds at most its byte budget, dropping the least recently used first", async () => {
    const cache = new PdfCache(100);
    const print = (bytes: number) => jest.fn(async () => Buffer.alloc(bytes));
    await cache.getOrRender("a", print(40));
    await cache.getOrRender("b", print(40));
    expect((await cache.getOrRender("a", print(40))).cached).toBe(true); // a is now the most recently used
    await cache.getOrRender("c", print(40)); // 120 bytes: b, the least recently used, goes
    expect((await cache.getOrRender("a", print(40))).cached).toBe(true);
    expect((await cache.getOrRender("c", print(40))).cached).toBe(true);
    expect((await cache.getOrRender("b", print(40))).cached).toBe(false);
  });

  it("still answers a print whose place was taken by newer PDFs while it ran", async () => {
    const cache = new PdfCache(100);
    let finish!: (b: Buffer) => void;
    const slow = cache.getOrRender("slow", () => new Promise<Buffer>((resolve) => (finish = resolve)));
    await cache.getOrRender("a", async () => Buffer.alloc(60));
    await cache.getOrRender("b", async () => Buffer.alloc(60));
    finish(pdf("slow"));
    expect(await slow).toEqual({ pdf: pdf("slow"), cached: false });
  });

  it("hands over a PDF larger than the whole budget without keeping it", async () => {
    const cache = new PdfCache(100);
    const big = jest.fn(async () => Buffer.alloc(101));
    expect((await cache.getOrRender("huge", big)).pdf).toHaveLength(101);
    expect((await cache.getOrRender("huge", big)).cached).toBe(false);
    expect(big).toHaveBeenCalledTimes(2);
  });

  it("has a 64 MB budget by default", async () => {
    const cache = new PdfCache();
    await cache.getOrRender("one", async () => sized(32 * MB));
    await cache.getOrRender("two", async () => sized(32 * MB));
    expect((await cache.getOrRender("one", async () => sized(32 * MB))).cached).toBe(true);
    expect((await cache.getOrRender("two", async () => sized(32 * MB))).cached).toBe(true);
    await cache.getOrRender("three", async () => sized(1));
    // One byte over the budget: "one" was used longest ago and goes.
    expect((await cache.getOrRender("two", async () => sized(32 * MB))).cached).toBe(true);
    expect((await cache.getOrRender("one", async () => sized(32 * MB))).cached).toBe(false);
  });
});
