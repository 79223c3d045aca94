import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, screenshot, signIn } from "../support/browser";

// The back-office dashboard in a real browser, on the demo data: the figures,
// the period in the URL, the charts drawn after the page, and the links from
// figures to the lists behind them. Nothing here changes data.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function dashboard(email: string, viewport: "desktop" | "mobile" = "desktop"): Promise<Page> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  return page;
}

describe("the dashboard", () => {
  it("shows staff the totals and every chart, drawn once the page has loaded", async () => {
    const page = await dashboard("staff@example.com");
    const totals = page.getByRole("region", { name: "Totals" });
    for (const label of ["Total sales (paid)", "Outstanding", "Overdue", "Invoices", "Clients", "Staff users", "Services"]) {
      await totals.getByRole("heading", { name: label, exact: true }).waitFor();
    }
    for (const title of ["Revenue", "Invoices by status", "Receivables aging", "New clients", "Top services"]) {
      await page.getByRole("heading", { name: title, exact: true }).waitFor();
    }
    // Recharts draws SVG bars after hydration; the demo data has revenue in the last 12 months.
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    // The bar list is one labelled image (components/charts/chart-image.tsx) whose label names each service and its value.
    await page.getByRole("img", { name: /top services by invoiced value: .*Logo & Identity Package/ }).waitFor();
    await screenshot(page, "dashboard-staff-desktop");
  });

  it("keeps the period in the URL, and its figures link to the lists they count", async () => {
    const page = await dashboard("admin@example.com");
    await page.getByLabel("Period", { exact: true }).selectOption("month");
    await page.waitForURL(/[?&]range=month/);
    await page.getByText(/Invoiced by day of issue/).waitFor();
    // The new period's cards replace the old ones, never stack under them.
    expect(await page.getByRole("heading", { name: "Invoices by status" }).count()).toBe(1);
    expect(await page.getByText(/Invoiced by month of issue/).count()).toBe(0);

    await page
      .getByRole("region", { name: "Totals" })
      .getByRole("link", { name: /^Overdue/ })
      .click();
    await page.waitForURL(/\/admin\/invoices\?status=overdue&currency=USD$/);
    await page.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    await page.goBack();
    await page.waitForURL(/[?&]range=month/);

    // A status in the legend opens that status's invoices for the same period.
    await page.getByRole("list", { name: "Invoices by status" }).getByRole("link", { name: /^Paid/ }).click();
    await page.waitForURL(/\/admin\/invoices\?status=paid&issuedFrom=\d{4}-\d{2}-01&issuedTo=\d{4}-\d{2}-\d{2}&currency=USD$/);
  });

  it("reads well on a phone", async () => {
    const page = await dashboard("staff@example.com", "mobile");
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "dashboard-staff-mobile");
  });
});
