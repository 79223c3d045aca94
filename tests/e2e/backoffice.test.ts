import type { Browser } from "playwright-core";
import type { RowDataPacket } from "mysql2";
import { appRollupDrift, connectAppDb, recountAppRollups } from "../support/e2e-db";
import { BASE_URL, launchBrowser, newContext, screenshot, signedIn } from "../support/browser";
import { revealRawSecrets } from "../support/secrets";

// The back office in a real browser: clients (staff can't delete, admins
// archive and restore), a staff invite approved from the emailed link, and a
// payment reminder that lands in the outbox. Each test makes its own records.

let browser: Browser;
const run = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function query<T extends RowDataPacket>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<T[]>(sql, params);
    return rows;
  } finally {
    await db.end();
  }
}

describe("clients", () => {
  it("staff creates and edits a client and finds no way to delete it; an admin archives and restores it", async () => {
    const name = `E2E Client ${run}`;
    const staff = await signedIn(browser, "staff@example.com");
    await staff.goto("/staff");
    await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients", exact: true }).click();
    await staff.getByRole("heading", { level: 1, name: "Clients" }).waitFor();
    await screenshot(staff, "backoffice-staff-clients-desktop");
    await staff.getByRole("link", { name: "New client" }).click();

    // A field error first: the form checks in the browser before sending.
    await staff.getByRole("button", { name: "Create client" }).click();
    await staff.getByText("Enter the client's name").waitFor();
    await staff.getByLabel("Name").fill(name);
    await staff.getByLabel("Email").fill(`e2e-${run}@example.com`);
    // The business is in the US (en-US): the picker starts there and the number formats as typed,
    // once the phone metadata has arrived (it loads when the field is first used).
    await staff.getByRole("button", { name: "Phone country: United States, US +1" }).waitFor();
    await staff.getByLabel("Mobile phone").pressSequentially("4155550142");
    await staff.getByText("Valid number: +1 415-555-0142").waitFor();
    expect(await staff.getByLabel("Mobile phone").inputValue()).toBe("(415) 555-0142");
    await staff.getByLabel("The client agreed to receive text messages").check();
    await screenshot(staff, "backoffice-client-form-desktop");
    await staff.getByRole("button", { name: "Create client" }).click();
    await staff.getByRole("heading", { level: 1, name }).waitFor();
    const id = Number(new URL(staff.url()).pathname.split("/").pop());
    expect(new URL(staff.url()).pathname).toBe(`/staff/clients/${id}`);
    // Stored in E.164, shown in national form (the business's country), found by the number as people type it.
    const [stored] = await query<RowDataPacket>("SELECT phone FROM clients WHERE id = ?", [id]);
    expect(stored!.phone).toBe("+14155550142");
    await staff.getByRole("link", { name: "(415) 555-0142" }).waitFor();

    await staff.getByRole("link", { name: "Edit" }).click();
    await staff.getByLabel("Company").fill("Edited Bakery");
    await staff.getByRole("button", { name: "Save changes" }).click();
    await staff.getByText("Edited Bakery · Client since").waitFor();
    await staff.getByText("Client edited").waitFor();
    // Nothing on the page deletes or archives.
    expect(await staff.getByRole("button", { name: /delete|archive/i }).count()).toBe(0);
    await screenshot(staff, "backoffice-staff-client-detail-desktop");
    await staff.context().close();

    const admin = await signedIn(browser, "admin@example.com");
    await admin.goto(`/admin/clients?q=${encodeURIComponent("(415) 555-0142")}`);
    await admin.getByRole("link", { name }).waitFor();
    await admin.goto(`/admin/clients?q=${encodeURIComponent(name)}`);
    await admin.getByRole("link", { name }).click();
    await admin.getByRole("button", { name: "Archive" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Archive client" }).click();
    await admin.getByText("Archived", { exact: false }).first().waitFor();
    await admin.getByRole("button", { name: "Restore" }).waitFor();
    const [archived] = await query<RowDataPacket>("SELECT archived_at FROM clients WHERE id = ?", [id]);
    expect(archived!.archived_at).not.toBeNull();
    // Gone from the default list, there under the Archived filter.
    await admin.goto(`/admin/clients?q=${encodeURIComponent(name)}`);
    await admin.getByText("No clients match").waitFor();
    await admin.goto(`/admin/clients?q=${encodeURIComponent(name)}&filter=archived`);
    await admin.getByRole("link", { name }).click();
    await admin.getByRole("button", { name: "Restore" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Restore client" }).click();
    await admin.getByRole("button", { name: "Archive" }).waitFor();
    const [restored] = await query<RowDataPacket>("SELECT archived_at FROM clients WHERE id = ?", [id]);
    expect(restored!.archived_at).toBeNull();
    await admin.context().close();
  });
});

describe("staff invites", () => {
  it("is requested, approved from the emailed link, accepted, and the new staff member signs in", async () => {
    const email = `new-staff-${run}@example.com`;
    const staff = await signedIn(browser, "staff@example.com");
    await staff.goto("/staff");
    await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invites", exact: true }).click();
    await staff.getByLabel("Name").fill("Ines Invited");
    await staff.getByLabel("Email").fill(email);
    await staff.getByRole("button", { name: "Request invite" }).click();
    await staff.getByText("Waiting for an admin").waitFor();
    await screenshot(staff, "backoffice-staff-invites-desktop");
    await staff.context().close();

    const [request] = await query<RowDataPacket>(
      "SELECT o.* FROM outbox o JOIN staff_invites i ON o.related_type = 'staff_invite' AND o.related_id = i.id WHERE i.email = ? AND o.template = 'staff_invite_request' AND o.to_first = 'admin@example.com'",
      [email],
    );
    const approveUrl = new URL(revealRawSecrets(request!).data.approveUrl as string);

    // The admin opens the link signed out, signs in, and comes back to it.
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(approveUrl.pathname);
    await page.getByText("Ines Invited").waitFor();
    await screenshot(page, "backoffice-invite-decision-signed-out-desktop");
    await page.getByRole("link", { name: "Sign in to decide" }).click();
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password", { exact: true }).fill("ClientDesk-demo-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${BASE_URL}${approveUrl.pathname}`);
    await page.getByRole("button", { name: "Approve invite" }).click();
    await page.getByText("Approved. Ines Invited was emailed").waitFor();
    await screenshot(page, "backoffice-invite-approved-desktop");
    // The link is single-use.
    await page.goto(approveUrl.pathname);
    await page.getByText("already approved").waitFor();
    await context.close();

    const [accept] = await query<RowDataPacket>("SELECT * FROM outbox WHERE template = 'staff_invite_accept' AND to_first = ?", [email]);
    const acceptUrl = new URL(revealRawSecrets(accept!).data.acceptUrl as string);
    const invitee = await (await newContext(browser, "mobile")).newPage();
    await invitee.goto(acceptUrl.pathname);
    await invitee.getByRole("heading", { name: "Join as staff" }).waitFor();
    await screenshot(invitee, "backoffice-invite-accept-mobile");
    await invitee.getByLabel("New password").fill("Joining-Team-2026!");
    await invitee.getByLabel("Type it again").fill("Joining-Team-2026!");
    await invitee.getByRole("button", { name: "Create my account" }).click();
    await invitee.getByText("Your account is ready.").waitFor();
    await invitee.getByRole("link", { name: "Sign in" }).click();
    await invitee.getByLabel("Email").fill(email);
    await invitee.getByLabel("Password", { exact: true }).fill("Joining-Team-2026!");
    await invitee.getByRole("button", { name: "Sign in" }).click();
    await invitee.waitForURL(`${BASE_URL}/staff`);
    await invitee.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await invitee.context().close();
  });
});

describe("unpaid clients", () => {
  it("sends a reminder that appears in the outbox", async () => {
    const name = `E2E Unpaid ${run}`;
    const db = await connectAppDb();
    let clientId: number;
    try {
      const [res] = await db.query<import("mysql2").ResultSetHeader>("INSERT INTO clients (name, email, sms_opt_in, created_at, updated_at) VALUES (?, ?, 0, NOW(3), NOW(3))", [
        name,
        `unpaid-${run}@example.com`,
      ]);
      clientId = res.insertId;
      // Due long ago, so it heads the "most overdue" list.
      await db.query(
        "INSERT INTO invoices (number, client_id, status, issue_date, due_date, currency, subtotal_minor, total_minor, amount_paid_minor, created_at, updated_at) VALUES (?, ?, 'sent', '2020-01-01', '2020-01-15', 'USD', 12345, 12345, 0, NOW(3), NOW(3))",
        [`E2E-${run}`, clientId],
      );
    } finally {
      await db.end();
    }
    // Raw rows skip the dashboard's rollups, which the app's own writes keep.
    await recountAppRollups();

    const staff = await signedIn(browser, "staff@example.com");
    await staff.goto("/staff");
    await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Unpaid", exact: true }).click();
    const row = staff.getByRole("row").filter({ hasText: name });
    await row.waitFor();
    await screenshot(staff, "backoffice-unpaid-desktop");
    await row.getByRole("button", { name: "Remind" }).click();
    await staff.getByRole("alertdialog").getByRole("button", { name: "Send reminders" }).click();
    await staff.getByText("Reminder queued for 1 invoice", { exact: true }).waitFor();
    await row.getByText("Never").waitFor({ state: "detached" });

    const messages = await query<RowDataPacket>("SELECT channel, template, to_first FROM outbox WHERE client_id = ? AND template = 'payment_reminder'", [clientId]);
    expect(messages).toEqual([expect.objectContaining({ channel: "email", to_first: `unpaid-${run}@example.com` })]);

    // The client's page lists the message.
    await staff.goto(`/staff/clients/${clientId}`);
    await staff.getByText(`Reminder: invoice E2E-${run} is overdue`).waitFor();
    await staff.context().close();
  });
});

describe("the dashboard's rollups", () => {
  it("still equal a recount after the flows above", async () => {
    expect(await appRollupDrift()).toEqual([]);
  });
});
