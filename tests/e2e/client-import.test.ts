import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, screenshot, signIn } from "../support/browser";

// An admin imports clients from the file a European Excel saves (semicolons,
// BOM, CRLF, an address on two lines) in a real browser: the preview numbers
// rows by the file's lines, the import ends with a toast, and a file with
// broken quoting is refused naming its line.

let browser: Browser;
const run = Date.now().toString(36);
const fixture = readFileSync(path.join(process.cwd(), "tests", "fixtures", "clients-semicolon.csv"), "utf8");

/** The fixture with this run's tag in every email, so a second run against the same database imports too. */
const fixtureFor = (tag: string) => Buffer.from(fixture.replace(/@([a-z]+)\.example/g, `+${tag}@$1.example`), "utf8");

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function adminOn(viewport: "desktop" | "mobile", theme: "light" | "dark"): Promise<Page> {
  const context = await newContext(browser, viewport, theme);
  const page = await context.newPage();
  await signIn(page, "admin@example.com");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/admin/clients/import");
  await page.getByRole("heading", { level: 1, name: "Import clients" }).waitFor();
  return page;
}

describe("importing clients from CSV", () => {
  it.each([
    ["desktop", "light"],
    ["mobile", "dark"],
  ] as const)("a semicolon file from a European Excel previews by file line and imports its valid rows (%s, %s)", async (viewport, theme) => {
    const tag = `${run}${viewport[0]}`;
    const page = await adminOn(viewport, theme);
    await page.getByLabel("CSV file").setInputFiles({ name: "kunden.csv", mimeType: "text/csv", buffer: fixtureFor(tag) });

    const preview = page.getByRole("region", { name: "Preview of kunden.csv" });
    await preview.getByText("3 ready to import · 1 with errors").waitFor();
    const lines = await preview.getByRole("row").evaluateAll((rows) => rows.slice(1).map((r) => r.querySelector("td")?.textContent));
    expect(lines).toEqual(["2", "4", "5", "7"]);
    await preview
      .getByRole("row", { name: /Jürgen Müller/ })
      .getByText("Ready")
      .waitFor();
    const lars = preview.getByRole("row", { name: /Lars Jensen/ });
    await lars.getByText("SMS opt-in: use yes or no").waitFor();
    await lars.getByText(/^Phone:/).waitFor();
    await screenshot(page, `client-import-preview-${viewport}-${theme}`);

    await preview.getByRole("button", { name: "Import 3 clients" }).click();
    await page.getByRole("alertdialog", { name: "Import 3 clients?" }).getByRole("button", { name: "Import now" }).click();

    const notifications = page.getByRole("region", { name: /^Notifications/ });
    await notifications.getByText("Imported 3 clients; skipped 1 with errors").waitFor();
    await page.waitForURL((url) => url.pathname === "/admin/clients" && url.searchParams.get("sort") === "-created");
    await page.getByRole("link", { name: "Jürgen Müller" }).first().waitFor();
    await screenshot(page, `client-import-toast-${viewport}-${theme}`);
    await notifications.getByRole("button", { name: "Dismiss notification" }).click();
    await notifications.getByText("Imported 3 clients; skipped 1 with errors").waitFor({ state: "detached" });
    await page.context().close();
  });

  it("refuses a file whose quote never closes, naming the line, and imports nothing", async () => {
    const page = await adminOn("desktop", "light");
    const csv = ["name,email,notes", `Quinn Quote,quinn+${run}@quote.example,ok`, `Rae Quote,rae+${run}@quote.example,"Pays on time`, `Sam Quote,sam+${run}@quote.example,ok`].join("\r\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("alert").filter({ hasText: "Line 3: a quoted cell is never closed." }).waitFor();
    expect(await page.getByRole("region", { name: /^Preview of/ }).count()).toBe(0);
    await screenshot(page, "client-import-unclosed-quote-desktop-light");
    await page.context().close();
  });
});
