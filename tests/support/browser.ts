import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, request, type Browser, type BrowserContext, type Page } from "playwright-core";
import { scaledMs } from "./load";
import { pdfPageToPng } from "./pdf-tools";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
export const DEMO_PASSWORD = "ClientDesk-demo-1";
const SHOTS = path.join(process.cwd(), "tests", ".artifacts", "screenshots");
/** Sign-ins that signedIn() saved for the later test files of the run (`npm test` empties tests/.artifacts first). */
const SIGN_INS = path.join(process.cwd(), "tests", ".artifacts", "sign-ins");

// Debian's Chromium (its headless shell when npm test found one: scripts/lib/system.mjs
// findTestBrowser), offline-safe flags (no background networking to hosts we can't reach).
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

export const viewports = { desktop: { width: 1280, height: 860 }, mobile: { width: 390, height: 844 } } as const;

/** A browser context; `timezoneId` makes the browser report another time zone (IANA), as a person abroad would; `baseURL` points it at another app server. */
export async function newContext(
  browser: Browser,
  viewport: keyof typeof viewports = "desktop",
  colorScheme: "light" | "dark" = "light",
  options: { timezoneId?: string; baseURL?: string; storageState?: StorageState; reducedMotion?: "reduce" | "no-preference" } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: viewports[viewport], colorScheme, ...options });
  // Playwright's 30 s for a click or a page load, stretched on a busy machine like every other deadline.
  context.setDefaultTimeout(scaledMs(30_000));
  await recordCspViolations(context);
  return context;
}

/** A Content-Security-Policy violation a page reported, as an event or as Chromium's console message. */
export type CspViolation = { page: string; report: string };

const cspViolations: CspViolation[] = [];

/**
 * Every page of every context records what its policy blocked, in every
 * frame: the securitypolicyviolation events, and Chromium's console messages
 * (which also cover frames no script runs in). setup-e2e.ts fails the test
 * that caused any.
 */
async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding("__recordCspViolation", ({ frame }, report: string) => {
    cspViolations.push({ page: frame.url(), report });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const record = (window as unknown as { __recordCspViolation: (report: string) => void }).__recordCspViolation;
      void record(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}${e.sample ? `: ${e.sample}` : ""}`);
    });
  });
  context.on("console", (message) => {
    if (/content.security.policy/i.test(message.text())) cspViolations.push({ page: message.page()?.url() ?? "", report: message.text() });
  });
}

/** The violations recorded since the last call, which forgets them. */
export function takeCspViolations(): CspViolation[] {
  return cspViolations.splice(0);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

type SignedInOptions = { viewport?: keyof typeof viewports; colorScheme?: "light" | "dark"; timezoneId?: string; baseURL?: string; reducedMotion?: "reduce" | "no-preference" };
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const signIns = new WeakMap<Browser, Map<string, Promise<StorageState>>>();

const signInFile = (key: string) => path.join(SIGN_INS, `${createHash("sha256").update(key).digest("hex").slice(0, 24)}.json`);

/**
 * The cookies an earlier test file of this run signed in with, if that
 * session still stands: the login page sends a signed-in person home, after
 * the same checks every page makes (the session's row, `session_version`, an
 * active user), so a session that a test ended since ("Sign out everywhere",
 * a bumped `session_version`) shows the form instead and is signed in anew.
 */
async function earlierSignIn(key: string, baseURL: string): Promise<StorageState | null> {
  const file = signInFile(key);
  if (!existsSync(file)) return null;
  const state = JSON.parse(readFileSync(file, "utf8")) as StorageState;
  const api = await request.newContext({ baseURL, storageState: state });
  try {
    const answer = await api.get("/login", { maxRedirects: 0 });
    return answer.status() >= 300 && answer.status() < 400 ? state : null;
  } finally {
    await api.dispose();
  }
}

/** Saves a sign-in for the later test files (written whole, then renamed, so a file beside it never reads half of one). */
function keepSignIn(key: string, state: StorageState): void {
  mkdirSync(SIGN_INS, { recursive: true });
  const file = signInFile(key);
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(state));
  renameSync(`${file}.${process.pid}`, file);
}

/**
 * A blank page, signed in as `email`, in a context of its own (its width,
 * theme, time zone and app server); `page.goto` opens what the test looks at.
 * The first call of the run for a user signs in through the login form, as a
 * person does, and keeps that context's cookies; later calls, in this test
 * file and the next ones, start from them while that session stands, so a
 * run pays for one sign-in and one landing page per user instead of one per
 * test or per file. A test that ends that session (signs out, changes the
 * password, moves the clock past its expiry) signs in with `signIn` instead.
 */
export async function signedIn(browser: Browser, email: string, options: SignedInOptions = {}): Promise<Page> {
  const { viewport = "desktop", colorScheme = "light", ...rest } = options;
  const context = await newContext(browser, viewport, colorScheme, { ...rest, storageState: await signedInState(browser, email, rest) });
  return context.newPage();
}

/** The cookies `signedIn` starts a context from, for a test that makes its own context (its own init scripts, say). */
export function signedInState(browser: Browser, email: string, rest: Omit<SignedInOptions, "viewport" | "colorScheme"> = {}): Promise<StorageState> {
  // The cookies include the time zone the browser reported (`tz`), so each zone signs in on its own.
  const key = `${rest.baseURL ?? BASE_URL} ${rest.timezoneId ?? ""} ${email}`;
  const states = signIns.get(browser) ?? new Map<string, Promise<StorageState>>();
  signIns.set(browser, states);
  let state = states.get(key);
  if (!state) {
    state = (async () => {
      const earlier = await earlierSignIn(key, rest.baseURL ?? BASE_URL);
      if (earlier) return earlier;
      const context = await newContext(browser, "desktop", "light", rest);
      const page = await context.newPage();
      await signIn(page, email);
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      const saved = await context.storageState();
      await context.close();
      keepSignIn(key, saved);
      return saved;
    })();
    states.set(key, state);
    // A failed sign-in fails this test and is tried again by the next.
    state.catch(() => states.delete(key));
  }
  return state;
}

/**
 * Opens a page whose form keeps its buttons disabled until it has hydrated,
 * and waits for that button: what is typed before hydration is reset to the
 * form's defaults when React takes over, as it would be for a person.
 */
export async function gotoForm(page: Page, url: string, readyButton = "Save and issue"): Promise<void> {
  await page.goto(url);
  await page.getByRole("button", { name: readyButton }).and(page.locator(":enabled")).waitFor();
}

/**
 * Saves a full-page screenshot under tests/.artifacts/screenshots for a person
 * to look at. It checks nothing, and each one makes Chromium paint the whole
 * page, about a quarter of a second: `npm test` turns them off in CI, where
 * the clone is thrown away (E2E_SCREENSHOTS, scripts/test.mjs).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS === "off") return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Saves a PDF's first page as a PNG beside the screenshots (pdf-tools' pdfPageToPng), when they are on. */
export function screenshotPdf(pdf: Buffer, name: string): void {
  if (process.env.E2E_SCREENSHOTS === "off") return;
  mkdirSync(SHOTS, { recursive: true });
  pdfPageToPng(pdf, 1, path.join(SHOTS, `${name}.png`), 70);
}
