import type { Browser } from "playwright-core";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import { addDaysIso, businessDay, formatDate } from "@/lib/dates";
import { BASE_URL, launchBrowser, newContext, screenshot, signedIn } from "../support/browser";
import { appRollupDrift, queryAppDb as query, recountAppRollups } from "../support/e2e-db";
import { revealRawSecrets } from "../support/secrets";
import { scaledMs } from "../support/load";

// Issue 14: an admin edits the automatic reminder schedule in settings, the
// run is triggered, and the reminder is in the outbox with a Pay-now link
// that opens the invoice.

jest.setTimeout(scaledMs(120_000));
const run = Date.now().toString(36);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  // The other end-to-end tests expect the fresh install's default: off.
  await query<ResultSetHeader>("UPDATE reminder_schedule SET enabled = 0 WHERE id = 1");
  await browser?.close();
});

describe("automatic payment reminders", () => {
  it("an admin edits the schedule, the run queues the step the invoice reached, and its Pay-now link opens the invoice", async () => {
    const [settings] = await query<RowDataPacket[]>("SELECT time_zone FROM settings WHERE id = 1");
    const today = businessDay(settings!.time_zone as string, new Date());
    const due = addDaysIso(today, -9);
    const client = await query<ResultSetHeader>("INSERT INTO clients (name, email, currency, sms_opt_in, created_at, updated_at) VALUES (?, ?, 'USD', 0, NOW(3), NOW(3))", [
      `Dunning Client ${run}`,
      `dunning-${run}@e2e.example`,
    ]);
    const number = `DUN-${run}`;
    const invoice = await query<ResultSetHeader>(
      "INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, total_minor, amount_paid_minor, created_at, updated_at) VALUES (?, ?, 'sent', ?, ?, 'USD', 43210, 43210, 0, NOW(3), NOW(3))",
      [number, client.insertId, addDaysIso(due, -14), due],
    );
    // Raw rows skip the dashboard's rollups, which the app's own writes keep.
    await recountAppRollups();

    const page = await signedIn(browser, "admin@example.com");
    await page.goto("/admin/settings");
    const form = page.getByRole("form", { name: "Payment reminder schedule" });
    await form.waitFor();
    // A fresh install offers three steps, switched off.
    const steps = form.getByRole("listitem");
    expect(await steps.count()).toBe(3);
    const enabled = form.getByRole("checkbox", { name: /Send payment reminders automatically/ });
    expect(await enabled.isChecked()).toBe(false);

    // The week-after step moves to 9 days, email only; a new last step is added from the keyboard.
    const second = form.getByRole("listitem", { name: "Step 2" });
    await second.getByLabel("Days from due").fill("9");
    await second.getByRole("checkbox", { name: "SMS" }).uncheck();
    await form.getByRole("button", { name: "Add step" }).focus();
    await page.keyboard.press("Enter");
    const fourth = form.getByRole("listitem", { name: "Step 4" });
    await fourth.getByLabel("Days from due").fill("400");
    await enabled.focus();
    await page.keyboard.press("Space");
    await form.getByRole("button", { name: "Save reminder schedule" }).click();
    // Refused in the browser, with the reason beside the field.
    await fourth.getByText("Enter whole days from -60 to 365").waitFor();
    expect(await fourth.getByLabel("Days from due").getAttribute("aria-invalid")).toBe("true");
    await fourth.getByLabel("Days from due").fill("45");
    await fourth.getByLabel("Template").selectOption("firm");
    await form.getByRole("button", { name: "Save reminder schedule" }).click();
    await page.getByText("Reminder schedule saved").first().waitFor();
    await screenshot(page, "dunning-settings-schedule-desktop");

    const saved = await query<RowDataPacket[]>("SELECT offset_days, email, sms, tone FROM reminder_steps WHERE removed_at IS NULL ORDER BY offset_days");
    expect(saved.map((s) => [s.offset_days, Boolean(s.email), Boolean(s.sms), s.tone])).toEqual([
      [-3, true, false, "friendly"],
      [9, true, false, "firm"],
      [21, true, true, "firm"],
      [45, true, false, "firm"],
    ]);
    const [audit] = await query<RowDataPacket[]>("SELECT actor_role FROM audit_log WHERE action = 'reminders.schedule_update' ORDER BY id DESC LIMIT 1");
    expect(audit!.actor_role).toBe("admin");

    // Run now, as the daily schedule would.
    await page.getByRole("button", { name: "Run reminders now" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Send today’s reminders now?" });
    await dialog.getByRole("button", { name: "Run reminders" }).click();
    // The daily schedule inside the server may have got there first: either way the outbox shows it.
    await page
      .getByText(/invoices? reminded|Nothing to send/)
      .first()
      .waitFor();

    const messages = await query<RowDataPacket[]>("SELECT * FROM outbox WHERE related_type = 'invoice' AND related_id = ? ORDER BY id", [invoice.insertId]);
    expect(messages.map((m) => [m.template, m.channel, m.to_first])).toEqual([["reminder_firm", "email", `dunning-${run}@e2e.example`]]);
    const reminder = revealRawSecrets(messages[0]!);
    expect(reminder.subject).toBe(`Overdue: invoice ${number}, 9 days past due - ${(await query<RowDataPacket[]>("SELECT company_name FROM settings WHERE id = 1"))[0]!.company_name as string}`);
    expect(reminder.text).toContain("$432.10");

    // The invoice page: the message, the history, and the next step.
    await page.goto(`/admin/invoices/${invoice.insertId}`);
    await page
      .getByTestId("next-reminder")
      .getByText(`${formatDate(addDaysIso(due, 21))}, firm email and SMS (21 days after the due date)`)
      .waitFor();
    await page.getByText("Sent a scheduled firm reminder (email), 9 days after the due date").waitFor();
    await screenshot(page, "dunning-invoice-next-reminder-desktop");

    // The admin outbox shows the message; its Pay-now link opens the invoice, signed out.
    await page.goto(`/admin/outbox/${messages[0]!.id as number}`);
    await page.getByText(`Overdue: invoice ${number}`).first().waitFor();
    const link = new URL(reminder.data.link as string);
    expect(reminder.html).toContain(`href="${reminder.data.link as string}"`);
    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(`${BASE_URL}${link.pathname}`);
    await visitor.getByText(number).first().waitFor();
    await visitor.getByText("$432.10").first().waitFor();
    await screenshot(visitor, "dunning-pay-now-link-desktop");
    await visitor.context().close();
    await page.context().close();
  });
});

describe("the dashboard's rollups", () => {
  it("still equal a recount after the reminder run", async () => {
    expect(await appRollupDrift()).toEqual([]);
  });
});
