import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import axe, { type AxeResults, type RunOptions } from "axe-core";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { navFor } from "@/components/shell/nav-config";
import type { Role } from "@/db/schema";
import { launchBrowser, newContext, screenshot, signedIn, signedInState, takeCspViolations, viewports } from "../support/browser";
import { queryAppDb as query } from "../support/e2e-db";
import { scaledMs } from "../support/load";
import { permissionsPolicyComplaints, securePageProblems } from "../support/secure-page";

// Every page of every role, and the public pages, at both widths and in both
// themes, through axe: no WCAG 2.0/2.1/2.2 A or AA violation, none of the
// best-practice rules below, and exactly one h1. Each load also gets the
// security checks every page must pass (tests/support/secure-page.ts: the
// policy, a fresh nonce on every script, the headers), and no page may break
// its Content-Security-Policy in either theme. The signed-in pages come
// from the sidebar's config plus the detail, edit and new pages of seeded
// records, so a page added to the nav is checked without touching this file.

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
// Best-practice rules we hold ourselves to as well (axe doesn't run them under the WCAG tags).
const BEST_PRACTICE = ["page-has-heading-one", "landmark-one-main", "landmark-unique", "aria-allowed-role", "presentation-role-conflict"];
const themes = ["light", "dark"] as const;
type Viewport = keyof typeof viewports;
type Theme = (typeof themes)[number];

// Pages saved as screenshots for a person to look at (E2E_SCREENSHOTS), at both widths and in both themes.
const SHOT = new Set([
  "/admin",
  "/admin/invoices",
  "/admin/clients",
  "/admin/clients/import",
  "/admin/unpaid",
  "/admin/services",
  "/admin/staff",
  "/admin/invites",
  "/admin/settings",
  "/admin/audit",
  "/admin/profile",
  "/staff",
  "/staff/invites",
  "/portal",
  "/portal/invoices",
  "/portal/subscriptions",
  "/portal/services",
  "/portal/profile",
  "/signup",
]);

let browser: Browser;
const pages: Record<Role | "public", string[]> = { admin: [], staff: [], client: [], public: [] };
const cleanups: string[][] = [];
/** Every nonce the crawl's pages were sent: none may come twice. */
const nonces = new Set<string>();
/** Chromium's complaints about the Permissions-Policy header, per role's context: there must be none. */
const complaints = new Map<string, string[]>();
/** Every violation seen, by rule: written to tests/.artifacts/axe-violations.json. */
const byRule: Record<string, number> = {};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const one = async (sql: string, params: unknown[] = []) => {
  const [row] = await query<RowDataPacket[]>(sql, params);
  if (!row) throw new Error(`The seed has no row for: ${sql}`);
  return Number(row.id);
};

beforeAll(async () => {
  browser = await launchBrowser();
  const client = await one("SELECT id FROM clients WHERE archived_at IS NULL ORDER BY id LIMIT 1");
  const invoice = await one("SELECT id FROM invoices WHERE status IN ('partially_paid', 'sent') ORDER BY status = 'partially_paid' DESC, id LIMIT 1");
  const draft = await one("SELECT id FROM invoices WHERE status = 'draft' ORDER BY id LIMIT 1");
  const service = await one("SELECT id FROM services ORDER BY id LIMIT 1");
  const message = await one("SELECT id FROM outbox WHERE channel = 'email' ORDER BY id LIMIT 1");
  const portalInvoice = await one(
    "SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id JOIN users u ON u.id = c.user_id WHERE u.email = 'client@example.com' AND i.status IN ('sent', 'partially_paid') ORDER BY i.id LIMIT 1",
  );
  const clientUser = await one("SELECT id FROM users WHERE email = 'client@example.com'");
  const admin = await one("SELECT id FROM users WHERE email = 'admin@example.com'");

  for (const role of ["admin", "staff"] as const) {
    const area = `/${role}`;
    pages[role] = [
      ...navFor[role].map((i) => i.href),
      `${area}/profile`,
      `${area}/clients/new`,
      `${area}/clients/${client}`,
      `${area}/clients/${client}/edit`,
      `${area}/invoices/new`,
      `${area}/invoices/${invoice}`,
      `${area}/invoices/${draft}/edit`,
      `${area}/services/new`,
      `${area}/services/${service}`,
      `${area}/services/${service}/edit`,
    ];
  }
  pages.admin.push("/admin/clients/import", `/admin/outbox/${message}`, "/security/setup");
  pages.staff.push("/security/setup");
  pages.client = [...navFor.client.map((i) => i.href), `/portal/invoices/${portalInvoice}`];

  // The public pages behind emailed links, with tokens made the way the app makes them (only hashes stored).
  const link = randomBytes(32).toString("base64url");
  const reset = randomBytes(32).toString("base64url");
  const accept = randomBytes(32).toString("base64url");
  const decide = randomBytes(32).toString("base64url");
  const change = randomBytes(32).toString("base64url");
  await query<ResultSetHeader>("INSERT INTO invoice_links (invoice_id, token_hash, expires_at, created_at) VALUES (?, ?, NOW() + INTERVAL 1 DAY, NOW())", [invoice, sha256(link)]);
  await query<ResultSetHeader>("INSERT INTO password_resets (user_id, token_hash, expires_at, created_at) VALUES (?, ?, NOW() + INTERVAL 1 HOUR, NOW())", [clientUser, sha256(reset)]);
  const email = `a11y-${Date.now().toString(36)}@example.com`;
  await query<ResultSetHeader>(
    "INSERT INTO staff_invites (email, name, requested_by, status, accept_token_hash, expires_at, decided_by, decided_at, created_at) VALUES (?, 'Ada Access', ?, 'approved', ?, NOW() + INTERVAL 1 DAY, ?, NOW(), NOW())",
    [email, admin, sha256(accept), admin],
  );
  const pending = `a11y-pending-${Date.now().toString(36)}@example.com`;
  await query<ResultSetHeader>(
    "INSERT INTO staff_invites (email, name, requested_by, status, decision_token_hash, decision_expires_at, created_at) VALUES (?, 'Pat Pending', ?, 'pending_approval', ?, NOW() + INTERVAL 1 DAY, NOW())",
    [pending, admin, sha256(decide)],
  );
  await query<ResultSetHeader>("INSERT INTO email_changes (user_id, new_email, token_hash, expires_at, created_at) VALUES (?, ?, ?, NOW() + INTERVAL 1 HOUR, NOW())", [
    clientUser,
    `a11y-new-${Date.now().toString(36)}@example.com`,
    sha256(change),
  ]);
  cleanups.push(
    ["DELETE FROM invoice_links WHERE token_hash = ?", sha256(link)],
    ["DELETE FROM password_resets WHERE token_hash = ?", sha256(reset)],
    ["DELETE FROM staff_invites WHERE email = ?", email],
    ["DELETE FROM staff_invites WHERE email = ?", pending],
    ["DELETE FROM email_changes WHERE token_hash = ?", sha256(change)],
  );
  // The token pages also show what an expired link shows, and /two-factor what it shows when its 10 minutes are up.
  const expired = randomBytes(32).toString("base64url");
  pages.public = [
    "/login",
    "/signup",
    "/forgot-password",
    `/reset-password/${reset}`,
    `/i/${link}`,
    `/invites/accept/${accept}`,
    `/invites/${decide}/approve`,
    `/invites/${decide}/reject`,
    `/confirm-email/${change}`,
    `/confirm-email/${expired}`,
    `/signup/confirm/${expired}`,
    "/two-factor",
  ];
});

afterAll(async () => {
  for (const [sql, param] of cleanups) await query<ResultSetHeader>(sql!, [param]);
  const dir = path.join(process.cwd(), "tests", ".artifacts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "axe-violations.json"), JSON.stringify(byRule, null, 2));
  await browser?.close();
});

/**
 * Waits until streamed sections and lazy charts have replaced their
 * placeholders and every scroll region has measured itself in the browser
 * (after hydration it becomes a focusable region if it scrolls). No fixed
 * wait, no network-idle wait.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === "complete" && document.querySelectorAll(".animate-pulse, [aria-busy='true'], [data-scroll-region='pending']").length === 0, null, {
    timeout: scaledMs(15_000),
    polling: 50,
  });
}

async function switchTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction((dark) => document.documentElement.classList.contains("dark") === dark, theme === "dark", { polling: 20 });
}

/**
 * What is wrong with the page as it is now: axe's violations, one line per
 * rule, the h1 count, and an h1 that says the page itself is missing (a
 * not-found or error view). `contrastOnly` runs just color-contrast: the one
 * rule whose answer depends on the theme, so the second theme needs nothing
 * else (the markup is the same). Only violations are collected.
 */
async function audit(page: Page, contrastOnly: boolean): Promise<string[]> {
  const options: RunOptions = contrastOnly
    ? { runOnly: { type: "rule", values: ["color-contrast"] }, resultTypes: ["violations"] }
    : { runOnly: { type: "tag", values: WCAG_TAGS }, rules: Object.fromEntries(BEST_PRACTICE.map((id) => [id, { enabled: true }])), resultTypes: ["violations"] };
  // axe is already in the page (an init script, contextFor): nothing to inject per run. Only the
  // violations' rule, targets and summaries come back to the test, not axe's whole result.
  const violations = await page.evaluate(async (o: RunOptions) => {
    const result: AxeResults = await (window as unknown as { axe: typeof axe }).axe.run(document, o);
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), failureSummary: n.failureSummary })) }));
  }, options);
  const problems = violations.map((v) => {
    byRule[v.id] = (byRule[v.id] ?? 0) + v.nodes.length;
    const nodes = v.nodes.slice(0, 3).map((n) => `${n.target}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1).join(" ").trim()})` : ""}`);
    return `${v.id} ×${v.nodes.length}: ${nodes.join("; ")}`;
  });
  if (!contrastOnly) {
    const h1 = page.locator("h1");
    const h1s = await h1.count();
    if (h1s !== 1) {
      byRule["one-h1"] = (byRule["one-h1"] ?? 0) + 1;
      problems.push(`${h1s} h1 elements, not one`);
    } else if ((await h1.getAttribute("data-stand-in")) !== null) {
      // A view that stands in for the page (not found, or an error) marks its h1: it may still answer 200 behind a stream.
      problems.push(`shows "${((await h1.textContent()) ?? "").trim()}" instead of the page`);
    }
  }
  return problems;
}

const ROLES = ["admin", "staff", "client", "public"] as const;
type Area = (typeof ROLES)[number];
type Unit = { role: Area; viewport: Viewport };
type Result = { found: string[]; loads: number; seconds: number };

/** One signed-in browser context per role, shared by both widths (each width is a page of its own in it). */
const contexts = new Map<Area, Promise<BrowserContext>>();
function contextFor(role: Area): Promise<BrowserContext> {
  let ready = contexts.get(role);
  if (!ready) {
    ready = (async () => {
      // Signed in as the run's other files are (signedInState): the sign-in form itself is in the public crawl.
      const storageState = role === "public" ? undefined : await signedInState(browser, `${role}@example.com`);
      const context = await newContext(browser, "desktop", "light", { storageState });
      complaints.set(role, permissionsPolicyComplaints(context));
      // axe-core (pinned), loaded with each document instead of injected before every run.
      await context.addInitScript({ content: axe.source });
      return context;
    })();
    contexts.set(role, ready);
  }
  return ready;
}

/** One role at one width: each page loaded once, all rules in the light theme, then color-contrast in the dark theme on the same load. */
async function crawl({ role, viewport }: Unit): Promise<Result> {
  const started = Date.now();
  const page = await (await contextFor(role)).newPage();
  const found: string[] = [];
  try {
    await page.setViewportSize(viewports[viewport]);
    for (const url of pages[role]) {
      const response = await page.goto(url, { waitUntil: "load" });
      if (response?.status() !== 200) found.push(`${url} (${viewport}): HTTP ${response?.status()}`);
      else for (const problem of await securePageProblems(response, nonces)) found.push(`${url} (${viewport}): ${problem}`);
      await settle(page);
      for (const theme of themes) {
        await switchTheme(page, theme);
        for (const problem of await audit(page, theme !== "light")) found.push(`${url} (${viewport}, ${theme}): ${problem}`);
        if (SHOT.has(url)) await screenshot(page, `a11y${url.replaceAll("/", "-")}-${viewport}-${theme}`);
      }
      await switchTheme(page, "light");
      // The audits were round trips through the page, so what it reported has arrived (violations of any lane's page, each named).
      for (const v of takeCspViolations()) found.push(`${v.page}: Content-Security-Policy: ${v.report}`);
    }
  } finally {
    await page.close();
  }
  return { found, loads: pages[role].length, seconds: (Date.now() - started) / 1000 };
}

/**
 * Every (role, width) crawl, `lanes` browser pages at a time: the longest
 * first, each to the lane with the least work so far, so the lanes end
 * together. Started once; each role's test awaits its two.
 */
function crawlAll(lanes: number): Record<Area, Promise<Result[]>> {
  const started = Date.now();
  const units: Unit[] = ROLES.flatMap((role) => (Object.keys(viewports) as Viewport[]).map((viewport) => ({ role, viewport })));
  units.sort((a, b) => pages[b.role].length - pages[a.role].length);
  const lane = Array.from({ length: lanes }, () => ({ work: 0, tail: Promise.resolve() as Promise<unknown> }));
  const byUnit = new Map<Unit, Promise<Result>>();
  for (const unit of units) {
    const next = lane.reduce((a, b) => (b.work < a.work ? b : a));
    next.work += pages[unit.role].length;
    const run = next.tail.catch(() => undefined).then(() => crawl(unit));
    next.tail = run;
    byUnit.set(unit, run);
  }
  void Promise.allSettled(lane.map((l) => l.tail)).then(() =>
    console.log(`axe: ${units.length} crawls (${units.reduce((n, u) => n + pages[u.role].length, 0)} page loads) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${lanes} pages at a time`),
  );
  const out = {} as Record<Area, Promise<Result[]>>;
  for (const role of ROLES) {
    out[role] = Promise.all(units.filter((u) => u.role === role).map((u) => byUnit.get(u)!));
    // Reported by the role's own test; this keeps it from being an unhandled rejection meanwhile.
    out[role].catch(() => undefined);
  }
  return out;
}

let crawls: ReturnType<typeof crawlAll>;

describe("accessibility: axe on every page", () => {
  beforeAll(() => {
    crawls = crawlAll(3);
  });
  afterAll(async () => {
    for (const context of contexts.values()) await (await context).close();
  });
  it.each(ROLES)(
    "%s pages, at both widths and in both themes, have no violations and one h1, and carry the security headers",
    async (role) => {
      const results = await crawls[role];
      console.log(`axe: ${role}: ${results.map((r) => `${r.loads} page loads in ${r.seconds.toFixed(1)} s`).join(" and ")}`);
      expect(results.flatMap((r) => r.found)).toEqual([]);
      expect(complaints.get(role)).toEqual([]);
    },
    scaledMs(240_000),
  );
});

/**
 * Runs in the page: the colour a person sees behind `el` (its background
 * blended over its ancestors'), as linear-light luminance, the WCAG way.
 */
function luminanceBehind(el: Element): number {
  const parse = (c: string) =>
    (c.match(/[\d.]+/g) ?? ["0", "0", "0", "0"])
      .map(Number)
      .concat(c.startsWith("rgba") ? [] : [1])
      .slice(0, 4) as [number, number, number, number];
  const layers: [number, number, number, number][] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const layer = parse(getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] >= 1) break;
  }
  let rgb = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) rgb = [r * a + rgb[0]! * (1 - a), g * a + rgb[1]! * (1 - a), b * a + rgb[2]! * (1 - a)];
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(rgb[0]!) + 0.7152 * lin(rgb[1]!) + 0.0722 * lin(rgb[2]!);
}
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe("dark mode and status badges", () => {
  it("in the dark theme, cards stand out from the page and the current page's nav item from the sidebar", async () => {
    const page = await signedIn(browser, "admin@example.com", { colorScheme: "dark" });
    await page.goto("/admin/invoices");
    await settle(page);
    const seen = await page.evaluate(`(() => {
      const luminanceBehind = ${luminanceBehind.toString()};
      const card = document.querySelector("main .bg-card");
      const active = document.querySelector("nav[aria-label='Main'] [aria-current='page']");
      const other = document.querySelector("nav[aria-label='Main'] a:not([aria-current])");
      return { card: luminanceBehind(card), page: luminanceBehind(document.querySelector("main")), active: luminanceBehind(active), other: luminanceBehind(other) };
    })()`);
    const { card, page: behind, active, other } = seen as Record<string, number>;
    await page.context().close();
    // 1.03:1 and 1.07:1 before: a card and the current item were hard to tell from what is around them.
    expect(ratio(card!, behind!)).toBeGreaterThanOrEqual(1.1);
    expect(ratio(active!, other!)).toBeGreaterThanOrEqual(1.25);
  });

  it.each(themes)("Draft, Sent and Void badges in the invoice list look different from each other (%s)", async (theme) => {
    const page = await signedIn(browser, "admin@example.com", { colorScheme: theme });
    const looks: Record<string, string> = {};
    for (const status of ["draft", "sent", "void"]) {
      await page.goto(`/admin/invoices?status=${status}`);
      const badge = page
        .getByRole("table")
        .getByText(status[0]!.toUpperCase() + status.slice(1), { exact: true })
        .filter({ visible: true })
        .first();
      await badge.waitFor();
      looks[status] = await badge.evaluate((el) => {
        const s = getComputedStyle(el);
        // What tells them apart at a glance: fill and outline (the text colour alone, as before, doesn't).
        return [s.backgroundColor, s.borderStyle, s.borderColor].join(" / ");
      });
    }
    await page.context().close();
    expect(new Set(Object.values(looks)).size).toBe(3);
  });
});
