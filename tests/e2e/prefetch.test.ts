import type { Browser, Page } from "playwright-core";
import { navFor } from "@/components/shell/nav-config";
import { launchBrowser, newContext, signIn } from "../support/browser";

// Row links in lists prefetch on intent, not on sight (components/ui/intent-link.tsx):
// every prefetch is a server render, and a list shows 25 rows. Against the
// production build, where prefetching runs. Nothing here changes data.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Router prefetches the page sends, as path and query (without the router's _rsc key). */
function recordPrefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (!request.headers()["next-router-prefetch"]) return;
    const url = new URL(request.url());
    url.searchParams.delete("_rsc");
    seen.push(decodeURIComponent(`${url.pathname}${url.search}`));
  });
  return seen;
}

const settle = (page: Page) => page.waitForTimeout(1_500);

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - started > 5_000) throw new Error(`Timed out waiting for ${what}`);
  }
}

describe("prefetching", () => {
  it("prefetches nothing on sight, and an invoice row or a navigation entry once someone points at it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const prefetched = recordPrefetches(page);
    await page.goto("/staff/invoices");
    const rows = page.getByRole("link", { name: /^INV-\d{4}-\d+$/ });
    await rows.first().waitFor();
    await settle(page);
    const rowPath = /^\/staff\/invoices\/\d+$/;
    // Nothing is prefetched as it comes into view: not the rows, not the sidebar's links, not the "New invoice" button.
    const sidebar = new Set(navFor.staff.map((item) => item.href));
    expect(sidebar.has("/staff/clients")).toBe(true);
    expect(await page.getByRole("link", { name: "New invoice" }).count()).toBeGreaterThan(0);
    expect(prefetched).toEqual([]);
    const clients = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" });
    await clients.hover();
    await eventually(() => prefetched.includes("/staff/clients"), "a prefetch of /staff/clients");

    const first = rows.first();
    const href = await first.getAttribute("href");
    await first.hover();
    await eventually(() => prefetched.includes(href!), `a prefetch of ${href}`);
    expect(prefetched.filter((p) => rowPath.test(p) && p !== href)).toEqual([]);

    // And the click still navigates on the client.
    await first.click();
    await page.waitForURL(`**${href}`);
    await page.getByRole("heading", { level: 1, name: /INV-/ }).waitFor();
    await context.close();
  });

  it("does not prefetch the dashboard's figures' lists until one is pointed at", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const prefetched = recordPrefetches(page);
    await page.goto("/staff");
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    const outstanding = page.getByRole("link", { name: /Outstanding/ });
    await outstanding.waitFor();
    const href = decodeURIComponent((await outstanding.getAttribute("href"))!);
    expect(href).toMatch(/^\/staff\/invoices\?status=/);
    await settle(page);
    // The figures' filtered lists are not prefetched on sight.
    expect(prefetched.filter((p) => p.startsWith("/staff/invoices?"))).toEqual([]);
    await outstanding.hover();
    await eventually(() => prefetched.includes(href), `a prefetch of ${href}`);
    await context.close();
  });
});
