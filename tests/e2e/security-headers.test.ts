import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomBytes } from "node:crypto";
import type { RowDataPacket } from "mysql2";
import type { Browser, Page } from "playwright-core";
import { STATIC_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers.mjs";
import { connectAppDb } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, signIn, signedIn, takeCspViolations } from "../support/browser";
import { permissionsPolicyComplaints, securePageProblems } from "../support/secure-page";

// Security headers in a real browser: each role's dashboard and the public
// pages, in light and dark, load with a fresh nonce on every script and break
// no rule of their Content-Security-Policy (every other page gets the same
// checks in the accessibility crawl); another origin can't frame the app;
// secret URLs never reach another origin as a Referer; files, PDFs and API
// answers are never sniffed. Only an invoice link is added to the data.

let browser: Browser;
let other: { origin: string; referers: Map<string, string | undefined>; close: () => Promise<void> };
const ids = { invoice: 0 };
let linkToken = "";

async function query(sql: string, params: unknown[] = []): Promise<RowDataPacket[]> {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<RowDataPacket[]>(sql, params);
    return rows;
  } finally {
    await db.end();
  }
}

/**
 * A site on another origin: /frame?src= frames a URL, /copy/<path> serves the
 * app's HTML stripped of its headers (the control: what framing would show
 * without them), and /landing records the Referer it was sent.
 */
function startOtherOrigin(): Promise<typeof other> {
  const referers = new Map<string, string | undefined>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://other.invalid");
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (url.pathname === "/frame") {
      res.end(`<!doctype html><title>Framing</title><iframe title="framed" src="${url.searchParams.get("src")}" width="800" height="600"></iframe>`);
    } else if (url.pathname.startsWith("/copy/")) {
      res.end(await (await fetch(`${BASE_URL}/${url.pathname.slice("/copy/".length)}`)).text());
    } else if (url.pathname === "/landing") {
      referers.set(url.searchParams.get("from") ?? "", req.headers.referer);
      res.end("<!doctype html><title>Landed</title><h1>Landed</h1>");
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, referers, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  other = await startOtherOrigin();
  const [invoice] = await query("SELECT id FROM invoices WHERE status <> 'draft' ORDER BY id LIMIT 1");
  ids.invoice = invoice!.id;
  // An emailed link, made the way the app makes one: only the token's SHA-256 is stored.
  linkToken = randomBytes(32).toString("base64url");
  await query("INSERT INTO invoice_links (invoice_id, token_hash, expires_at, created_at) VALUES (?, ?, NOW() + INTERVAL 1 DAY, NOW())", [
    ids.invoice,
    createHash("sha256").update(linkToken).digest("hex"),
  ]);
});

afterAll(async () => {
  await other?.close();
  await browser?.close();
});

// Every nonce any page of this file was sent: none may come twice.
const nonces = new Set<string>();

/**
 * Opens a page and waits until it is drawn (its heading, and its charts where
 * it has them), then checks its headers, that every script the server sent
 * carries this response's nonce (tests/support/secure-page.ts), and that
 * nothing broke the policy.
 */
async function visit(page: Page, path: string, waitFor?: string): Promise<void> {
  const response = await page.goto(path);
  expect([path, response?.status()]).toEqual([path, 200]);
  expect({ path, problems: await securePageProblems(response!, nonces) }).toEqual({ path, problems: [] });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  if (waitFor) await page.locator(waitFor).first().waitFor();
  // A round trip through the page delivers what it has reported so far.
  await page.evaluate(() => document.readyState);
  expect({ path, violations: takeCspViolations() }).toEqual({ path, violations: [] });
}

const CHART = ".recharts-surface";

// Every page of every role is loaded by the accessibility crawl
// (tests/e2e/accessibility.test.ts), which checks these same headers and
// nonces on each load at both widths, and CSP violations in both themes. What
// only a load in dark mode shows is here: next-themes' script (it carries the
// nonce) sets the theme the browser asks for before anything draws.
const landing: Record<"admin" | "staff" | "client", string> = { admin: "/admin", staff: "/staff", client: "/portal" };

describe("every page's Content-Security-Policy", () => {
  it.each(["admin", "staff", "client"] as const)("holds on the %s dashboard loaded in dark mode, whose theme script carries the nonce", async (role) => {
    const page = await signedIn(browser, `${role}@example.com`, { colorScheme: "dark" });
    const context = page.context();
    const complaints = permissionsPolicyComplaints(context);
    await visit(page, landing[role], CHART);
    expect(await page.locator("html").getAttribute("class")).toContain("dark");
    expect(complaints).toEqual([]);
    await context.close();
  });

  it.each(["light", "dark"] as const)("holds on the pages anyone can open, in %s mode, and switching the theme breaks nothing", async (theme) => {
    const context = await newContext(browser, "desktop", theme);
    const complaints = permissionsPolicyComplaints(context);
    const page = await context.newPage();
    for (const path of ["/login", "/signup", "/forgot-password", `/i/${linkToken}`]) await visit(page, path);
    // The label names the other theme once the page has hydrated (the server can't know the theme).
    const other = theme === "light" ? "dark" : "light";
    await page.getByRole("button", { name: `Switch to ${other} mode`, exact: true }).click();
    await page.locator(`html.${other}`).waitFor({ state: "attached" });
    await page.getByRole("button", { name: `Switch to ${theme} mode`, exact: true }).waitFor();
    await page.evaluate(() => document.readyState);
    expect(takeCspViolations()).toEqual([]);
    expect(complaints).toEqual([]);
    await context.close();
  });

  it("records a script injected into a page without its nonce (so the checks above can fail), while one with the nonce runs", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // As a stored XSS would: markup in the server's HTML, under the page's real headers.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
      const injected = `<script nonce="${nonce}">document.documentElement.dataset.signed = "ran"</script><script>document.documentElement.dataset.injected = "ran"</script>`;
      await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
    });
    const reported = page.waitForEvent("console", (message) => /Content Security Policy/.test(message.text()));
    await page.goto("/login");
    expect((await reported).text()).toMatch(/^Executing inline script violates the following Content Security Policy directive 'script-src /);
    expect(await page.locator("html").getAttribute("data-signed")).toBe("ran");
    expect(await page.locator("html").getAttribute("data-injected")).toBeNull();
    await page.evaluate(() => document.readyState);
    // Both ways the recorder hears of it: the page's event, and Chromium's console message.
    const reports = takeCspViolations().map((v) => v.report);
    expect(reports).toHaveLength(2);
    expect(reports).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem blocked inline/), expect.stringMatching(/^Executing inline script violates/)]));
    await context.close();
  });
});

describe("framing", () => {
  /** Opens a page on the other origin that frames src; the load event waits for the frame. */
  async function framed(page: Page, src: string) {
    await page.goto(`${other.origin}/frame?src=${encodeURIComponent(src)}`);
    const frame = await (await page.getByTitle("framed").elementHandle())!.contentFrame();
    return { url: frame!.url(), signIn: await frame!.getByRole("heading", { name: "Sign in" }).count() };
  }

  it("another origin can't show the app in a frame, while the same page without the headers would show", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    // The control: the app's sign-in page, copied without its headers, renders in the frame.
    const copy = `${other.origin.replace("127.0.0.1", "localhost")}/copy/login`;
    expect(await framed(page, copy)).toEqual({ url: copy, signIn: 1 });
    expect(takeCspViolations()).toEqual([]);

    expect(await framed(page, `${BASE_URL}/login`)).toEqual({ url: "chrome-error://chromewebdata/", signIn: 0 });
    expect(takeCspViolations().map((v) => v.report)).toEqual(expect.arrayContaining([expect.stringMatching(/frame-ancestors 'none'/)]));
    await context.close();
  });
});

describe("referrers", () => {
  /** Follows a link from a page of the app to the other origin, and returns the Referer it was sent. */
  async function refererFrom(page: Page, path: string, from: string): Promise<string | undefined> {
    await page.goto(path);
    await page.evaluate((href) => {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = "Leave";
      document.body.append(link);
    }, `${other.origin}/landing?from=${from}`);
    await page.getByRole("link", { name: "Leave" }).click();
    await page.waitForURL(`${other.origin}/landing?from=${from}`);
    return other.referers.get(from);
  }

  it("an invoice link's token never leaves in a Referer, and other pages send other origins only the origin", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const link = await page.goto(`/i/${linkToken}`);
    expect(link!.headers()["referrer-policy"]).toBe("no-referrer");
    expect(await refererFrom(page, `/i/${linkToken}`, "invoice-link")).toBeUndefined();
    expect(await refererFrom(page, "/login?callbackUrl=%2Fadmin%2Finvoices", "login")).toBe(`${BASE_URL}/`);
    expect(takeCspViolations()).toEqual([]);
    await context.close();
  });
});

describe("headers beyond pages", () => {
  it("PDFs, API answers and static files are never sniffed or framed, and carry no page policy", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin@example.com");
    await page.waitForURL(`${BASE_URL}/admin`);
    const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
    const responses = {
      pdf: await context.request.get(`/api/invoices/${ids.invoice}/pdf`),
      api: await context.request.get("/api/invoices/summary"),
      file: await context.request.get(script!),
    };
    expect(responses.pdf.headers()["content-type"]).toBe("application/pdf");
    expect(responses.api.headers()["content-type"]).toMatch(/^application\/json/);
    for (const [kind, response] of Object.entries(responses)) {
      expect([kind, response.status()]).toEqual([kind, 200]);
      expect([kind, response.headers()]).toEqual([
        kind,
        expect.objectContaining({
          "x-content-type-options": "nosniff",
          "x-frame-options": "DENY",
          "referrer-policy": "strict-origin-when-cross-origin",
          "permissions-policy": expect.stringContaining("microphone=()"),
        }),
      ]);
      // proxy.ts doesn't run for them, so no nonce is spent on a file: the static policy, and none on
      // the inline PDF, which Chrome's viewer can't draw under it.
      expect([kind, response.headers()["content-security-policy"]]).toEqual([kind, kind === "pdf" ? undefined : STATIC_CONTENT_SECURITY_POLICY]);
    }
    await context.close();
  });

  it("HTML that proxy.ts doesn't answer runs no script: the 404 of an unknown API route or file, and Auth.js's sign-out page", async () => {
    const context = await newContext(browser);
    for (const [path, status] of [
      ["/api/nope", 404],
      ["/nope.png", 404],
      ["/api/auth/signout", 200],
    ] as const) {
      const response = await context.request.get(path);
      const headers = response.headers();
      expect([path, response.status(), headers["content-type"], headers["content-security-policy"]]).toEqual([path, status, expect.stringMatching(/^text\/html/), STATIC_CONTENT_SECURITY_POLICY]);
    }
    await context.close();
  });
});
