import type { RowDataPacket } from "mysql2";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, signedIn } from "../support/browser";
import { queryAppDb as query } from "../support/e2e-db";

// A record that isn't there (never was, was deleted, or belongs to another
// client) answers HTTP 404 and shows the not-found view inside the shell of
// its area: the sidebar's "Main" navigation is there, and a heading says so.

const MISSING = 999_999_999;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Loads the path in the browser: a 404 response, the area's navigation, and the not-found heading. */
async function expectNotFoundInShell(page: Page, path: string, heading: RegExp): Promise<void> {
  const response = await page.goto(path);
  expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
  await page.getByRole("heading", { name: heading }).waitFor();
  // The area's shell: its header with the account menu, and its navigation (a sheet button on a phone).
  expect({ path, banner: await page.getByRole("banner").count() }).toEqual({ path, banner: 1 });
  const width = page.viewportSize()?.width ?? 0;
  if (width >= 1024) expect({ path, nav: await page.getByRole("navigation", { name: "Main" }).count() }).toEqual({ path, nav: 1 });
  else expect({ path, menu: await page.getByRole("button", { name: "Open navigation" }).count() }).toEqual({ path, menu: 1 });
}

describe("a missing record is a 404 inside its area's shell", () => {
  it("answers 404 to a raw request for every [id] route", async () => {
    const page = await signedIn(browser, "admin@example.com");
    const paths = [
      `/admin/invoices/${MISSING}`,
      `/admin/invoices/${MISSING}/edit`,
      `/admin/clients/${MISSING}`,
      `/admin/clients/${MISSING}/edit`,
      `/admin/services/${MISSING}`,
      `/admin/services/${MISSING}/edit`,
      `/admin/outbox/${MISSING}`,
    ];
    for (const path of paths) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect({ path, status: response.status() }).toEqual({ path, status: 404 });
      // The body is the area's page, not the bare root not-found page: the shell's
      // navigation as HTML, or (the shell is a client component) its area and
      // entries as props in the streamed React payload. The browser tests below check what shows.
      const body = await response.text();
      const shell = /aria-label="Main"/.test(body) || /\\?"area\\?":\\?"Admin\\?"/.test(body);
      expect({ path, shell, staffEntry: body.includes("/admin/staff") }).toEqual({ path, shell: true, staffEntry: true });
    }
    await page.context().close();
  });

  it("shows the admin not-found view in the admin shell, at both widths and in both themes", async () => {
    for (const viewport of ["desktop", "mobile"] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const page = await signedIn(browser, "admin@example.com", { viewport, colorScheme: scheme });
        await expectNotFoundInShell(page, `/admin/invoices/${MISSING}`, /couldn.t find that/i);
        await screenshot(page, `not-found-admin-${viewport}-${scheme}`);
        await page.context().close();
      }
    }
  });

  it("shows the staff not-found view for a deleted client and a missing service", async () => {
    const page = await signedIn(browser, "staff@example.com");
    await expectNotFoundInShell(page, `/staff/clients/${MISSING}`, /couldn.t find that/i);
    await expectNotFoundInShell(page, `/staff/services/${MISSING}/edit`, /couldn.t find that/i);
    await expectNotFoundInShell(page, `/staff/invoices/${MISSING}`, /couldn.t find that/i);
    await screenshot(page, "not-found-staff-desktop-light");
    await page.context().close();
  });

  it("another client's invoice is a 404 inside the portal's shell", async () => {
    const [other] = await query<RowDataPacket[]>(
      "SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id WHERE u.email = 'client2@example.com' AND i.status <> 'draft' LIMIT 1",
    );
    for (const viewport of ["desktop", "mobile"] as const) {
      const page = await signedIn(browser, "client@example.com", { viewport });
      await expectNotFoundInShell(page, `/portal/invoices/${other!.id}`, /couldn.t find that/i);
      expect(await page.getByText(/INV-\d{4}-\d{4}/).count()).toBe(0);
      await screenshot(page, `not-found-portal-${viewport}-light`);
      await page.context().close();
    }
  });
});
