import type { RowDataPacket } from "mysql2";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { DEMO_PASSWORD, launchBrowser, newContext, screenshot } from "../support/browser";
import { queryAppDb } from "../support/e2e-db";
import { createE2eUser } from "../support/e2e-users";
import { startSecondApp, type SecondApp } from "../support/second-app";

// Passkeys in Chromium with its virtual authenticator (the DevTools
// protocol's WebAuthn domain): a platform authenticator with resident keys
// and user verification, standing in for a laptop's fingerprint reader.
//
// A passkey belongs to a host name, and an IP address (the suite's app runs
// at 127.0.0.1) is not a valid relying-party ID, so this file starts a second
// server of the same build and database at http://localhost:<port> with
// APP_URL set to that address, and the browser visits it there.

let browser: Browser;
let app: SecondApp;
let appUrl: string;

async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}

async function passkeyCount(userId: number): Promise<number> {
  const [row] = await queryAppDb<RowDataPacket[]>("SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?", [userId]);
  return Number(row!.n);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(`${appUrl}/login`);
}

beforeAll(async () => {
  app = await startSecondApp("localhost");
  appUrl = app.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("passkeys in Chromium's virtual authenticator", () => {
  it("registers a passkey, signs out, signs in with it alone, answers the second step with it after a password, renames and removes it", async () => {
    const user = await createE2eUser("staff", "passkey");
    const context = await newContext(browser, "desktop", "light", { baseURL: appUrl });
    const page = await context.newPage();
    const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);

    // Signed in with the password (no second factor yet), register a passkey from the profile.
    await page.goto("/login");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${appUrl}/staff`);
    await page.goto("/staff/profile");
    await page.getByLabel("Passkey name").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    // A passkey signs in by itself, so adding one takes the password first.
    const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
    await confirm.getByLabel("Your password").fill(DEMO_PASSWORD);
    await confirm.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("list", { name: "Your passkeys" }).getByText("Test laptop").waitFor();
    // The first strong factor comes with ten recovery codes, shown once.
    await page.getByRole("list", { name: "Recovery codes" }).waitFor();
    expect(await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").count()).toBe(10);
    expect(await passkeyCount(user.id)).toBe(1);
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    expect(credentials[0]!.rpId).toBe("localhost");
    // Its owner is emailed about it, once.
    const notices = await queryAppDb<RowDataPacket[]>("SELECT COUNT(*) AS n FROM outbox WHERE template = 'second_factor_changed' AND to_first = ?", [user.email]);
    expect(Number(notices[0]!.n)).toBe(1);
    await screenshot(page, "passkeys-profile");

    // Sign out, then in with the passkey alone: no email, no password, no second step.
    await signOut(page);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(`${appUrl}/staff`);
    await page.getByRole("button", { name: /Account menu/ }).waitFor();
    const [used] = await queryAppDb<RowDataPacket[]>("SELECT last_used_at FROM passkeys WHERE user_id = ?", [user.id]);
    expect(used!.last_used_at).not.toBeNull();

    // With a passkey, a password alone is not enough: the passkey answers the second step.
    await signOut(page);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${appUrl}/two-factor`);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor();
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(`${appUrl}/staff`);

    // Rename it, then remove it: gone from the list and the database; a password alone signs in again.
    await page.goto("/staff/profile");
    await page.getByRole("button", { name: "Rename passkey Test laptop" }).click();
    await page.getByLabel("New name for Test laptop").fill("Old laptop");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("list", { name: "Your passkeys" }).getByText("Old laptop").waitFor();
    const [renamed] = await queryAppDb<RowDataPacket[]>("SELECT name FROM passkeys WHERE user_id = ?", [user.id]);
    expect(renamed!.name).toBe("Old laptop");
    await page.getByRole("button", { name: "Remove passkey Old laptop" }).click();
    await page.getByText("No passkeys yet.").waitFor();
    expect(await passkeyCount(user.id)).toBe(0);
    await signOut(page);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${appUrl}/staff`);
    await context.close();
  });
});
