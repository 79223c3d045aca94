import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
export const DEMO_PASSWORD = "ClientDesk-demo-1";
const SHOTS = path.join(process.cwd(), "tests", ".artifacts", "screenshots");

// Debian's Chromium, offline-safe flags (no background networking to hosts we can't reach).
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

export const viewports = { desktop: { width: 1280, height: 860 }, mobile: { width: 390, height: 844 } } as const;

export async function newContext(browser: Browser, viewport: keyof typeof viewports = "desktop"): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, viewport: viewports[viewport], colorScheme: "light" });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Saves a full-page screenshot under tests/.artifacts/screenshots for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
