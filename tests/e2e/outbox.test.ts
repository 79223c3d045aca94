import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { connectAppDb } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, screenshot, signIn, signedIn, viewports } from "../support/browser";
import { revealRawSecrets } from "../support/secrets";
import { scaledMs } from "../support/load";

let browser: Browser;
// Waits for the in-app worker's poll and drives two viewports.
jest.setTimeout(scaledMs(90_000));
const subject = `E2E outbox check ${Date.now()}`;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Queues an email straight into the app's database, as a committed transaction elsewhere would. */
async function queueEmail(): Promise<number> {
  const db = await connectAppDb();
  try {
    const html = `<!DOCTYPE html><html><body><p>Rendered body of ${subject}</p></body></html>`;
    const [res] = await db.query<import("mysql2").ResultSetHeader>(
      `INSERT INTO outbox (channel, to_addresses, cc_addresses, bcc_addresses, to_first, subject, text, html, template, attachments, idempotency_key, status, attempts, next_attempt_at, created_at)
       VALUES ('email', '["e2e@example.com"]', '[]', '[]', 'e2e@example.com', ?, ?, ?, 'otp_code', '[]', ?, 'queued', 0, NOW(3), NOW(3))`,
      [subject, `Plain body of ${subject}`, html, `e2e:${subject}`],
    );
    return res.insertId;
  } finally {
    await db.end();
  }
}

async function query(sql: string, params: unknown[] = []) {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<import("mysql2").RowDataPacket[]>(sql, params);
    return rows;
  } finally {
    await db.end();
  }
}

/** An SMS code as a worker with a provider leaves it once sent: its place held by a placeholder, the code itself gone. */
async function insertSentSms(placeholder: string): Promise<number> {
  const db = await connectAppDb();
  try {
    const [res] = await db.query<import("mysql2").ResultSetHeader>(
      `INSERT INTO outbox (channel, to_addresses, cc_addresses, bcc_addresses, to_first, subject, text, html, template, template_data, attachments, idempotency_key, status, attempts, next_attempt_at, sent_at, provider_message_id, created_at)
       VALUES ('sms', '["+15035550199"]', '[]', '[]', '+15035550199', NULL, ?, NULL, 'otp_code', ?, '[]', ?, 'sent', 1, NOW(3), NOW(3), ?, NOW(3))`,
      [
        `${placeholder} is your ClientDesk code. It expires in 10 minutes. Never share it.`,
        JSON.stringify({ code: placeholder, minutes: 10 }),
        `e2e:sent:${Date.now()}`,
        `SM${randomBytes(16).toString("hex")}`,
      ],
    );
    return res.insertId;
  } finally {
    await db.end();
  }
}

async function statusOf(id: number): Promise<string> {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<import("mysql2").RowDataPacket[]>("SELECT status FROM outbox WHERE id = ?", [id]);
    return String(rows[0]?.status);
  } finally {
    await db.end();
  }
}

describe("the outbox page", () => {
  it("captures a queued email with no provider keys, and shows it to an admin with its rendered preview", async () => {
    const id = await queueEmail();
    // The worker inside the app server (instrumentation.ts) picks it up at its next poll.
    const deadline = Date.now() + scaledMs(20_000);
    while ((await statusOf(id)) !== "captured" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await statusOf(id)).toBe("captured");

    for (const viewport of ["desktop", "mobile"] as const) {
      const page = await signedIn(browser, "admin@example.com", { viewport });
      await page.goto("/admin/outbox");
      await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
      await page.getByLabel("Channel").selectOption("email");
      await page.waitForURL(/channel=email/);
      await screenshot(page, `outbox-list-${viewport}`);
      await page.getByRole("link", { name: subject }).click();
      await page.waitForURL(`${BASE_URL}/admin/outbox/${id}`);
      await page.getByRole("heading", { level: 1, name: subject }).waitFor();
      const preview = page.getByTitle("Rendered email");
      expect(await preview.getAttribute("sandbox")).toBe("");
      await page.frameLocator("iframe[title='Rendered email']").getByText(`Rendered body of ${subject}`).waitFor();
      await page.getByText("Captured", { exact: true }).first().waitFor();
      await screenshot(page, `outbox-detail-${viewport}`);
      await page.context().close();
    }
  });

  it(
    "shows a captured reset link in full with a note on capture mode, and masks the code of a sent text",
    async () => {
      // A real flow: someone asks for a reset link; with no provider keys the app's worker captures the email.
      const anon = await (await newContext(browser)).newPage();
      await anon.goto("/forgot-password");
      await anon.getByLabel("Email").fill("staff@example.com");
      await anon.getByRole("button", { name: "Email me a reset link" }).click();
      await anon.getByRole("status").waitFor();
      await anon.context().close();
      let reset: import("mysql2").RowDataPacket | undefined;
      for (const deadline = Date.now() + scaledMs(20_000); Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
        [reset] = await query("SELECT * FROM outbox WHERE template = 'password_reset' AND to_first = 'staff@example.com' AND status = 'captured' ORDER BY id DESC LIMIT 1");
        if (reset) break;
      }
      const resetUrl = revealRawSecrets(reset!).data.resetUrl as string;
      expect(String(reset!.text)).not.toContain(resetUrl);

      const placeholder = `cdsecret${randomBytes(16).toString("hex")}`;
      const sent = await insertSentSms(placeholder);

      for (const [viewport, scheme] of [
        ["desktop", "light"],
        ["mobile", "light"],
        ["desktop", "dark"],
        ["mobile", "dark"],
      ] as const) {
        const page = await signedIn(browser, "admin@example.com", { viewport, colorScheme: scheme });
        await page.goto(`/admin/outbox/${reset!.id}`);
        await page.getByRole("note").getByText("Capture mode: codes and links shown in full").waitFor();
        await page
          .getByRole("note")
          .getByText(/No email provider was configured/)
          .waitFor();
        await page.frameLocator("iframe[title='Rendered email']").getByRole("link", { name: "Choose a new password" }).waitFor();
        expect(await page.frameLocator("iframe[title='Rendered email']").getByRole("link", { name: "Choose a new password" }).getAttribute("href")).toBe(resetUrl);
        await screenshot(page, `outbox-captured-reset-${viewport}-${scheme}`);
        await page.getByRole("tab", { name: "Plain text" }).click();
        await page.getByText(resetUrl).waitFor();
        // A long link wraps inside the card: nothing scrolls sideways, even at 390 px.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports[viewport].width);
        await screenshot(page, `outbox-captured-reset-text-${viewport}-${scheme}`);

        await page.goto(`/admin/outbox/${sent}`);
        await page.getByRole("note").getByText("Codes and links removed").waitFor();
        const bubble = page.getByRole("blockquote");
        expect(await bubble.innerText()).toMatch(/^hidden:\s*•+ removed after sending is your ClientDesk code\./);
        expect(await page.content()).not.toContain(placeholder);
        await screenshot(page, `outbox-sent-masked-${viewport}-${scheme}`);

        await page.goto("/admin/outbox?channel=sms");
        await page
          .getByRole("link", { name: /^•+ is your ClientDesk code\./ })
          .first()
          .waitFor();
        await screenshot(page, `outbox-list-sms-${viewport}-${scheme}`);
        await page.context().close();
      }
    },
    scaledMs(180_000),
  );

  it("sends staff who open /admin/outbox back to /staff", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "staff@example.com");
    await page.waitForURL(`${BASE_URL}/staff`);
    await page.goto("/admin/outbox");
    expect(new URL(page.url()).pathname).toBe("/staff");
    await context.close();
  });
});
