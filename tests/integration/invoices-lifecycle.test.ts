import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, invoiceCounters, invoiceItems, invoices } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { createDraftInvoice, deleteDraftInvoice, duplicateInvoice, FROZEN_MESSAGE, updateDraftInvoice } from "@/lib/invoices/drafts";
import { issueInvoice } from "@/lib/invoices/issue";
import { voidInvoice } from "@/lib/invoices/void";
import { DomainError } from "@/lib/errors";
import { recordPayment } from "@/lib/payments";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, draft, ensureSettings, issuedInvoice, line, readInvoice, invoiceRollupDrift } from "../support/invoices";

let staff: Actor;
let clientId: number;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  const user = await createUser({ role: "staff" });
  staff = { id: user.id, role: "staff", ip: "127.0.0.1" };
  clientId = (await createClient({ name: "Lifecycle Ltd" })).id;
});

const itemsOf = (id: number) => getDb().select().from(invoiceItems).where(eq(invoiceItems.invoiceId, id)).orderBy(asc(invoiceItems.position));

describe("drafts", () => {
  it("computes totals on the server from the lines and the discount, never from the caller", async () => {
    const { id } = await createDraftInvoice(getDb(), {
      ...draft(clientId, [line("Design", 1500, 8_000, 825), line("Hosting", 2000, 1_999, 0)], { discountMinor: 1_000 }),
      actor: staff,
    });
    const inv = await readInvoice(id);
    // 1.5 × 80.00 = 120.00; 2 × 19.99 = 39.98; subtotal 159.98; discount 10.00 spread by share.
    expect(inv).toMatchObject({ status: "draft", number: null, subtotalMinor: 15_998, discountMinor: 1_000, version: 1 });
    expect(inv.totalMinor).toBe(15_998 - 1_000 + inv.taxMinor);
    expect(inv.taxMinor).toBe(Math.round((12_000 - Math.round((1_000 * 12_000) / 15_998)) * 0.0825));
    const items = await itemsOf(id);
    expect(items.map((i) => [i.position, i.lineTotalMinor])).toEqual([
      [1, 12_000],
      [2, 3_998],
    ]);
  });

  it("refuses a discount above the subtotal and a due date before the issue date", async () => {
    await expect(createDraftInvoice(getDb(), { ...draft(clientId, [line("x", 1000, 500)], { discountMinor: 600 }), actor: staff })).rejects.toMatchObject({
      fieldErrors: { discount: expect.any(Array) },
    });
    await expect(createDraftInvoice(getDb(), { ...draft(clientId, undefined, { issueDate: "2026-03-10", dueDate: "2026-03-01" }), actor: staff })).rejects.toMatchObject({
      fieldErrors: { dueDate: expect.any(Array) },
    });
  });

  it("refuses a new invoice for an archived client", async () => {
    const archived = await createClient({ archived: true });
    await expect(createDraftInvoice(getDb(), { ...draft(archived.id), actor: staff })).rejects.toThrow(/archived/);
  });

  it("saves edits to a draft, bumps the version and refuses a stale editor", async () => {
    const { id } = await createDraftInvoice(getDb(), { ...draft(clientId), actor: staff });
    const saved = await updateDraftInvoice(getDb(), { ...draft(clientId, [line("Changed", 3000, 2_500)]), invoiceId: id, expectedVersion: 1, actor: staff });
    expect(saved.version).toBe(2);
    expect((await readInvoice(id)).totalMinor).toBe(7_500);
    await expect(updateDraftInvoice(getDb(), { ...draft(clientId), invoiceId: id, expectedVersion: 1, actor: staff })).rejects.toThrow(/changed this invoice/);
  });
});

describe("issuing", () => {
  it("gives the next number for the issue year, freezes the draft as sent and audits it", async () => {
    const a = await issuedInvoice(staff, clientId, undefined, { issueDate: "2025-12-31", dueDate: "2026-01-14" });
    const b = await issuedInvoice(staff, clientId, undefined, { issueDate: "2026-01-02", dueDate: "2026-01-16" });
    const c = await issuedInvoice(staff, clientId, undefined, { issueDate: "2026-01-03", dueDate: "2026-01-17" });
    expect(a.number).toBe("INV-2025-0001");
    expect(b.number).toBe("INV-2026-0001");
    expect(c.number).toBe("INV-2026-0002");
    const inv = await readInvoice(b.id);
    expect(inv).toMatchObject({ status: "sent", number: "INV-2026-0001", version: 2 });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, b.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["invoice.create", "invoice.issue"]));
  });

  it("refuses to issue twice or to issue a zero total", async () => {
    const { id } = await issuedInvoice(staff, clientId);
    await expect(issueInvoice(getDb(), { invoiceId: id, actor: staff })).rejects.toThrow(/already issued/);
    const free = await createDraftInvoice(getDb(), { ...draft(clientId, [line("Free", 1000, 0)]), actor: staff });
    await expect(issueInvoice(getDb(), { invoiceId: free.id, actor: staff })).rejects.toThrow(/above zero/);
    expect((await readInvoice(free.id)).number).toBeNull();
  });

  it("gives 50 concurrent issues 50 different, consecutive numbers", async () => {
    const drafts = await Promise.all(
      Array.from({ length: 50 }, () => createDraftInvoice(getDb(), { ...draft(clientId, undefined, { issueDate: "2027-05-01", dueDate: "2027-05-15" }), actor: staff })),
    );
    const results = await Promise.all(drafts.map((d) => issueInvoice(getDb(), { invoiceId: d.id, actor: staff })));
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `INV-2027-${String(i + 1).padStart(4, "0")}`));
    const [counter] = await getDb().select().from(invoiceCounters).where(eq(invoiceCounters.year, 2027));
    expect(counter!.lastSeq).toBe(50);
  });

  it("refuses any edit of an issued invoice and changes nothing", async () => {
    const { id } = await issuedInvoice(staff, clientId, [line("Original", 1000, 4_200)]);
    const before = await readInvoice(id);
    const itemsBefore = await itemsOf(id);
    const attempt = updateDraftInvoice(getDb(), { ...draft(clientId, [line("Tampered", 1000, 1)]), invoiceId: id, actor: staff });
    await expect(attempt).rejects.toThrow(FROZEN_MESSAGE);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    expect(await readInvoice(id)).toEqual(before);
    expect(await itemsOf(id)).toEqual(itemsBefore);
    await expect(deleteDraftInvoice(getDb(), { invoiceId: id, actor: staff })).rejects.toThrow(/Only a draft/);
    expect(await readInvoice(id)).toEqual(before);
  });
});

describe("void, duplicate and delete", () => {
  it("voids an issued invoice with its reason, once", async () => {
    const { id } = await issuedInvoice(staff, clientId);
    await voidInvoice(getDb(), { invoiceId: id, reason: "Sent to the wrong client", actor: staff });
    expect(await readInvoice(id)).toMatchObject({ status: "void", voidReason: "Sent to the wrong client", version: 3 });
    await expect(voidInvoice(getDb(), { invoiceId: id, reason: "again", actor: staff })).rejects.toThrow(/already void/);
    await expect(recordPayment(getDb(), { invoiceId: id, amountMinor: 100, method: "cash", status: "succeeded", idempotencyKey: `void-${id}`, actor: staff })).rejects.toThrow(/void/);
  });

  it("won't void an invoice holding payments until they are refunded", async () => {
    const { id } = await issuedInvoice(staff, clientId);
    await recordPayment(getDb(), { invoiceId: id, amountMinor: 500, method: "cash", status: "succeeded", idempotencyKey: `vp-${id}`, actor: staff });
    await expect(voidInvoice(getDb(), { invoiceId: id, reason: "Mistake", actor: staff })).rejects.toThrow(/Refund them/);
    expect((await readInvoice(id)).status).toBe("partially_paid");
  });

  it("duplicates an invoice as a new draft with the same lines and no number", async () => {
    const { id } = await issuedInvoice(staff, clientId, [line("A", 1000, 1_000, 1000), line("B", 2500, 400)], { discountMinor: 100 });
    const copy = await duplicateInvoice(getDb(), { invoiceId: id, actor: staff, today: "2026-06-01" });
    const [src, dup] = [await readInvoice(id), await readInvoice(copy.id)];
    expect(dup).toMatchObject({ status: "draft", number: null, clientId, issueDate: "2026-06-01", dueDate: "2026-06-15", totalMinor: src.totalMinor, discountMinor: 100 });
    expect((await itemsOf(copy.id)).map((i) => [i.description, i.quantityMilli, i.unitPriceMinor, i.taxRateBp])).toEqual([
      ["A", 1000, 1_000, 1000],
      ["B", 2500, 400, 0],
    ]);
  });

  it("keeps a 'due on receipt' invoice's terms when duplicating it", async () => {
    const { id } = await issuedInvoice(staff, clientId, [line("A", 1000, 1_000)], { issueDate: "2026-05-01", dueDate: "2026-05-01" });
    const copy = await duplicateInvoice(getDb(), { invoiceId: id, actor: staff, today: "2026-06-01" });
    expect(await readInvoice(copy.id)).toMatchObject({ issueDate: "2026-06-01", dueDate: "2026-06-01" });
  });

  it("deletes a draft for good", async () => {
    const { id } = await createDraftInvoice(getDb(), { ...draft(clientId), actor: staff });
    await deleteDraftInvoice(getDb(), { invoiceId: id, actor: staff });
    expect(await getDb().select().from(invoices).where(eq(invoices.id, id))).toEqual([]);
    expect(await itemsOf(id)).toEqual([]);
  });
});

describe("the dashboard rollups", () => {
  it("moved with every change above, in the same transactions", async () => {
    expect(await invoiceRollupDrift()).toEqual([]);
  });
});
