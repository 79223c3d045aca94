import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { RowDataPacket } from "mysql2";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, launchBrowser, newContext, screenshot } from "../support/browser";
import { queryAppDb } from "../support/e2e-db";
import { createE2eUser } from "../support/e2e-users";

// An authenticator app, end to end: set it up from the profile by reading
// the key off the page (as a person types it into an app), sign in with a
// code the "app" makes, then with a recovery code. The app's clock is moved
// forward between the two sign-ins (lib/clock.ts reads TEST_CLOCK_FILE), so
// each code belongs to a step after the last one used.

const CLOCK_FILE = process.env.TEST_CLOCK_FILE;
let browser: Browser;
let savedClock: string | null = null;

function clockOffset(): number {
  if (!CLOCK_FILE || !existsSync(CLOCK_FILE)) return 0;
  return (JSON.parse(readFileSync(CLOCK_FILE, "utf8")) as { offsetMs?: number }).offsetMs ?? 0;
}

function setClockOffset(offsetMs: number) {
  const tmp = `${CLOCK_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ offsetMs }));
  renameSync(tmp, CLOCK_FILE!);
}

/** The code the app shows now, by the app server's clock. */
const appCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + clockOffset() });

async function passwordStep(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${BASE_URL}/two-factor`);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(`${BASE_URL}/login`);
}

beforeAll(async () => {
  if (!CLOCK_FILE) throw new Error("TEST_CLOCK_FILE is not set: run the end-to-end tests through `npm test`.");
  savedClock = existsSync(CLOCK_FILE) ? readFileSync(CLOCK_FILE, "utf8") : null;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (savedClock !== null) writeFileSync(CLOCK_FILE!, savedClock);
  else setClockOffset(0);
});

describe("authenticator app", () => {
  it("is set up from the profile with the key on the page, then signs in with an app code and with a recovery code", async () => {
    const user = await createE2eUser("staff", "totp");
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${BASE_URL}/staff`);

    await page.goto("/staff/profile");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    // The password first: a wrong one stays in the dialog, the right one shows the QR code.
    const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
    await confirm.getByLabel("Your password").fill("Not-the-password-1");
    await confirm.getByRole("button", { name: "Continue" }).click();
    await confirm.getByText("That password isn't right", { exact: true }).waitFor();
    await confirm.getByLabel("Your password").fill(DEMO_PASSWORD);
    await confirm.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("img", { name: "QR code to add this account to your authenticator app" }).waitFor();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The secret is sealed at rest.
    const [row] = await queryAppDb<RowDataPacket[]>("SELECT totp_secret FROM users WHERE id = ?", [user.id]);
    expect(String(row!.totp_secret)).not.toContain(secret);
    await page.getByLabel("Code from the app").fill(appCode(secret));
    await page.getByRole("button", { name: "Verify and turn on" }).click();
    const list = page.getByRole("list", { name: "Recovery codes" });
    await list.waitFor();
    const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    const notices = await queryAppDb<RowDataPacket[]>("SELECT COUNT(*) AS n FROM outbox WHERE template = 'second_factor_changed' AND to_first = ?", [user.email]);
    expect(Number(notices[0]!.n)).toBe(1);
    await screenshot(page, "authenticator-app-recovery-codes");
    await signOut(page);

    // The password, then a code from the app, 30 seconds later by the app's clock.
    setClockOffset(clockOffset() + 30_000);
    await passwordStep(page, user.email);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor();
    await page.getByLabel("Code from your authenticator app").fill(appCode(secret));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.waitForURL(`${BASE_URL}/staff`);
    await signOut(page);

    // The password, then a recovery code instead of the app.
    await passwordStep(page, user.email);
    await page.getByText("Use a recovery code").click();
    await page.getByLabel("Recovery code").fill(codes[0]!);
    await page.getByRole("button", { name: "Use recovery code" }).click();
    await page.waitForURL(`${BASE_URL}/staff`);
    const used = await queryAppDb<RowDataPacket[]>("SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NOT NULL", [user.id]);
    expect(Number(used[0]!.n)).toBe(1);
    const mail = await queryAppDb<RowDataPacket[]>("SELECT COUNT(*) AS n FROM outbox WHERE template = 'recovery_code_used' AND to_first = ?", [user.email]);
    expect(Number(mail[0]!.n)).toBe(1);

    // That recovery code is spent.
    await signOut(page);
    await passwordStep(page, user.email);
    await page.getByText("Use a recovery code").click();
    await page.getByLabel("Recovery code").fill(codes[0]!);
    await page.getByRole("button", { name: "Use recovery code" }).click();
    await page.getByText("That recovery code isn't right, or it was already used.").first().waitFor();
    await context.close();
  });
});
