import type { RowDataPacket } from "mysql2";
import type { Browser } from "playwright-core";
import { BASE_URL, launchBrowser, newContext, signedIn } from "../support/browser";
import { queryAppDb } from "../support/e2e-db";
import { scaledMs } from "../support/load";

// The files every browser, phone and crawler asks for: a favicon, the icons
// the web manifest names, and a robots.txt that keeps signed-in areas and
// emailed links out of search engines. Served without a session.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const get = (path: string) => fetch(new URL(path, BASE_URL), { redirect: "manual" });

describe("public files", () => {
  it("serves a real favicon.ico: an ICO directory of 16, 32 and 48 px images", async () => {
    const res = await get("/favicon.ico");
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), three entries.
    expect([body.readUInt16LE(0), body.readUInt16LE(2), body.readUInt16LE(4)]).toEqual([0, 1, 3]);
    expect([0, 1, 2].map((i) => body.readUInt8(6 + 16 * i))).toEqual([16, 32, 48]);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps signed-in areas, the API and emailed links out of search engines", async () => {
    const res = await get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const disallowed = (await res.text())
      .split("\n")
      .filter((l) => l.startsWith("Disallow:"))
      .map((l) => l.slice(9).trim());
    expect(disallowed).toEqual(expect.arrayContaining(["/admin", "/staff", "/portal", "/i/", "/api/", "/reset-password/", "/invites/"]));
  });

  it("links a manifest whose icons all exist, and pages name the icons", async () => {
    const context = await newContext(browser, "mobile", "light");
    const page = await context.newPage();
    await page.goto("/login");
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(manifestHref).toBe("/manifest.webmanifest");
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThanOrEqual(2);
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    await context.close();

    const manifest = (await (await get(manifestHref!)).json()) as { name: string; start_url: string; icons: { src: string; type: string }[] };
    expect(manifest).toMatchObject({ name: "ClientDesk", start_url: "/" });
    for (const src of [...manifest.icons.map((i) => i.src), apple!]) {
      const icon = await get(src);
      expect({ src, status: icon.status, type: icon.headers.get("content-type") }).toEqual({ src, status: 200, type: expect.stringMatching(/^image\//) });
    }
  });

  it("draws a page's icons from the icon sprite, which browsers may keep", async () => {
    const page = await signedIn(browser, "admin@example.com");
    await page.goto("/admin/invoices");
    const uses = page.locator("svg > use");
    await uses.first().waitFor({ state: "attached" });
    const hrefs = await uses.evaluateAll((all) => all.map((u) => u.getAttribute("href")!));
    // The sidebar's and the page's own icons: every one from the same versioned sprite.
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    const [sprite] = hrefs[0]!.split("#");
    expect(sprite).toMatch(/^\/icons\.svg\?v=[0-9a-f]{12}$/);
    expect(hrefs.filter((h) => !h.startsWith(`${sprite}#`))).toEqual([]);
    // Each one shown is drawn: a <use> whose symbol didn't load has an empty box. The sprite may
    // still be on its way when the page has loaded, so wait for that a while, then say which aren't.
    const shownAndDrawn = () =>
      [...document.querySelectorAll("svg > use")].filter((u) => u.parentElement!.checkVisibility()).map((u) => [u.getAttribute("href"), (u as SVGUseElement).getBBox().width > 0] as const);
    await page.waitForFunction(`(${shownAndDrawn})().every(([, ok]) => ok)`, null, { timeout: scaledMs(10_000) }).catch(() => undefined);
    const drawn = await page.evaluate(shownAndDrawn);
    expect(drawn.length).toBeGreaterThanOrEqual(10);
    expect(drawn.filter(([, ok]) => !ok)).toEqual([]);
    await page.context().close();

    const res = await get(sprite!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toContain("immutable");
    const body = await res.text();
    for (const id of new Set(hrefs.map((h) => h.split("#")[1]))) expect(body).toContain(`<symbol id="${id}"`);
  });

  it("styles an invoice page's document from its stylesheet file, which browsers may keep", async () => {
    const [invoice] = await queryAppDb<RowDataPacket[]>("SELECT id FROM invoices WHERE status = 'paid' ORDER BY id LIMIT 1");
    const page = await signedIn(browser, "admin@example.com");
    const html = await (await page.goto(`/admin/invoices/${invoice!.id}`))!.text();
    // Not inlined in the page's HTML or its payload: linked once, from the head.
    expect(html).not.toContain(".invoice-doc{");
    const links = await page.locator('head link[rel="stylesheet"][href^="/invoice-document.css"]').evaluateAll((all) => all.map((l) => l.getAttribute("href")!));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^\/invoice-document\.css\?v=[0-9a-f]{12}$/);
    // And the document is styled by it: its padding, its paper and its PAID stamp's position come from that file alone.
    const doc = page.locator(".invoice-doc");
    expect(await doc.evaluate((el) => getComputedStyle(el).paddingTop)).toBe("40px");
    expect(await doc.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 255, 255)");
    expect(await page.locator(".invoice-doc .doc-stamp").evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
    await page.context().close();

    const res = await get(links[0]!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/css/);
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toContain(".invoice-doc{");
  });
});
