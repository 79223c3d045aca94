import { getDb } from "@/db";
import type { Actor } from "@/lib/actor";
import { issueInvoice as issueAction } from "@/lib/actions/invoices/issue-invoice";
import { saveInvoiceDraft } from "@/lib/actions/invoices/save-invoice-draft";
import { createDraftInvoice, updateDraftInvoice } from "@/lib/invoices/drafts";
import { issueInvoice, STALE_ISSUE_MESSAGE } from "@/lib/invoices/issue";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, draft, ensureSettings, line, readInvoice } from "../support/invoices";
import { actAs } from "../support/request-context";

// Issuing freezes a draft as it is, so it must be the draft the person saw:
// the action takes the version their page (or their save) showed, and a draft
// someone changed since is refused under the invoice lock, with nothing written.

let staffUser: Awaited<ReturnType<typeof createUser>>;
let staff: Actor;
let clientId: number;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  staffUser = await createUser({ role: "staff" });
  staff = { id: staffUser.id, role: "staff", ip: "127.0.0.1" };
  clientId = (await createClient({ name: "Versioned Ltd" })).id;
});

beforeEach(async () => {
  await actAs(staffUser);
});

describe("issuing a draft by its version", () => {
  it("refuses a draft changed since the page was drawn, and changes nothing", async () => {
    // Staff A opens draft (version 1) showing $100; staff B raises it to $10,000 and saves.
    const { id } = await createDraftInvoice(getDb(), { ...draft(clientId, [line("Consulting", 1000, 100_00)]), actor: staff });
    const shown = (await readInvoice(id)).version;
    await updateDraftInvoice(getDb(), { ...draft(clientId, [line("Consulting", 1000, 10_000_00)]), invoiceId: id, expectedVersion: shown, actor: staff });
    const before = await databaseChecksum();

    const refused = await issueAction(undefined, { invoiceId: id, expectedVersion: shown });

    expect(refused).toMatchObject({ ok: false, formError: STALE_ISSUE_MESSAGE });
    expect(await databaseChecksum()).toBe(before);
    expect(await readInvoice(id)).toMatchObject({ status: "draft", number: null, totalMinor: 10_000_00 });

    // Reloaded, the person sees $10,000 and issues that.
    const issued = await issueAction(undefined, { invoiceId: id, expectedVersion: shown + 1 });
    expect(issued).toMatchObject({ ok: true, data: { id, version: shown + 2 } });
    expect(await readInvoice(id)).toMatchObject({ status: "sent", totalMinor: 10_000_00 });
  });

  it("requires the version: an issue without one is refused before anything is read", async () => {
    const { id } = await createDraftInvoice(getDb(), { ...draft(clientId), actor: staff });
    const before = await databaseChecksum();
    const refused = await issueAction(undefined, { invoiceId: id });
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors.expectedVersion?.[0]).toBe("Reload the invoice and try again");
    expect(await databaseChecksum()).toBe(before);
  });

  it("'Save and issue' issues the version its save returned, for a new draft and an edited one", async () => {
    const form = {
      clientId: String(clientId),
      currency: "USD",
      issueDate: "2026-03-01",
      dueDate: "2026-03-15",
      discount: "",
      notes: "",
      lines: [{ serviceId: "", description: "Design", quantity: "1", unitPrice: "250.00", taxRate: "" }],
    };
    const created = await saveInvoiceDraft(undefined, form);
    expect(created).toMatchObject({ ok: true, data: { version: 1 } });
    const newIssue = await issueAction(undefined, { invoiceId: created.data!.id, expectedVersion: created.data!.version });
    expect(newIssue.ok).toBe(true);

    const { id } = await createDraftInvoice(getDb(), { ...draft(clientId), actor: staff });
    const saved = await saveInvoiceDraft(undefined, { ...form, invoiceId: String(id), expectedVersion: "1" });
    expect(saved).toMatchObject({ ok: true, data: { id, version: 2 } });
    const editIssue = await issueAction(undefined, { invoiceId: id, expectedVersion: saved.data!.version });
    expect(editIssue).toMatchObject({ ok: true });
    expect(await readInvoice(id)).toMatchObject({ status: "sent", totalMinor: 250_00 });
  });

  it("still lets the billing run and subscriptions issue a draft they made, with no version", async () => {
    const { id } = await createDraftInvoice(getDb(), { ...draft(clientId), actor: staff });
    await updateDraftInvoice(getDb(), { ...draft(clientId, [line("Changed", 1000, 300_00)]), invoiceId: id, actor: staff });
    const issued = await issueInvoice(getDb(), { invoiceId: id, actor: staff });
    expect(issued.number).toMatch(/^INV-/);
  });
});
