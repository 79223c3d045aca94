import type { Browser } from "playwright-core";
import { BASE_URL, launchBrowser, newContext } from "../support/browser";

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
});
