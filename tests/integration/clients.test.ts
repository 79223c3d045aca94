import { count, eq, like } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, clients } from "@/db/schema";
import { listClients } from "@/db/queries/clients";
import { archiveClient } from "@/lib/actions/clients/archive-client";
import { createClient } from "@/lib/actions/clients/create-client";
import { deleteClient } from "@/lib/actions/clients/delete-client";
import { importClients } from "@/lib/actions/clients/import-clients";
import { previewClientImport } from "@/lib/actions/clients/preview-client-import";
import { restoreClient } from "@/lib/actions/clients/restore-client";
import { updateClient } from "@/lib/actions/clients/update-client";
import { parseClientListParams } from "@/lib/validation/clients";
import { databaseChecksum, ensureSettingsRow, insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";

const TODAY = "2026-06-15";
const list = (query: Record<string, string | string[]>) => listClients(parseClientListParams(query), TODAY);
const names = async (query: Record<string, string | string[]>) => (await list(query)).rows.map((r) => r.name);

let admin: Awaited<ReturnType<typeof createUser>>;
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  admin = await createUser({ role: "admin" });
  staff = await createUser({ role: "staff" });
});

describe("the client list", () => {
  beforeAll(async () => {
    const owing = await insertClient({ name: "Anna Owing", company: "Zeta Ltd", email: "anna@zeta.example", phone: "+14155550001" });
    await insertInvoice(owing.id, { dueDate: "2026-06-01" });
    const notDue = await insertClient({ name: "Bert Later", email: "bert@later.example", smsOptIn: true, phone: "+447700900001" });
    await insertInvoice(notDue.id, { dueDate: "2026-07-01", totalMinor: 50_000 });
    const paid = await insertClient({ name: "Carl Paid", email: "carl@paid.example" });
    await insertInvoice(paid.id, { status: "paid", paidMinor: 10_000 });
    await insertClient({ name: "Dora Archived", archived: true });
    await insertClient({ name: "50% Percent", email: "percent@test.example" });
  });

  it("searches by the start of the name, company, email or phone, with LIKE wildcards taken literally", async () => {
    expect(await names({ q: "ann" })).toEqual(["Anna Owing"]);
    expect(await names({ q: "Zeta" })).toEqual(["Anna Owing"]);
    expect(await names({ q: "bert@" })).toEqual(["Bert Later"]);
    expect(await names({ q: "+44 7700" })).toEqual(["Bert Later"]);
    expect(await names({ q: "1415555" })).toEqual(["Anna Owing"]);
    expect(await names({ q: "50%" })).toEqual(["50% Percent"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ q: "wing" })).toEqual([]);
  });

  it("filters by balance, overdue, archived and SMS opt-in, and hides archived clients otherwise", async () => {
    expect(await names({})).toEqual(["50% Percent", "Anna Owing", "Bert Later", "Carl Paid"]);
    expect(await names({ filter: "balance" })).toEqual(["Anna Owing", "Bert Later"]);
    expect(await names({ filter: "overdue" })).toEqual(["Anna Owing"]);
    expect(await names({ filter: ["balance", "sms"] })).toEqual(["Bert Later"]);
    expect(await names({ filter: "archived" })).toEqual(["Dora Archived"]);
  });

  it("sorts by name, creation and balance, and pages", async () => {
    expect(await names({ sort: "-name" })).toEqual(["Carl Paid", "Bert Later", "Anna Owing", "50% Percent"]);
    // Owing clients by balance, then (or, ascending, first) those who owe nothing, by name.
    expect(await names({ sort: "-balance" })).toEqual(["Bert Later", "Anna Owing", "50% Percent", "Carl Paid"]);
    expect(await names({ sort: "balance" })).toEqual(["50% Percent", "Carl Paid", "Anna Owing", "Bert Later"]);
    expect(await names({ sort: "balance", filter: "balance" })).toEqual(["Anna Owing", "Bert Later"]);
    expect(await names({ sort: "-balance", q: "c" })).toEqual(["Carl Paid"]);
    expect((await names({ sort: "-created" }))[0]).toBe("50% Percent");
    const page = await list({ page: "2" });
    expect(page).toMatchObject({ total: 4, capped: false, pageCount: 1, rows: [] });
    const anna = (await list({ q: "Anna" })).rows[0]!;
    expect(anna.balances).toEqual([{ currency: "USD", minor: 10_000, oldestDue: "2026-06-01", overdue: true }]);
  });

  it("ignores unknown filters and sorts instead of failing", async () => {
    expect(parseClientListParams({ filter: ["nope", "sms"], sort: "drop table", page: "-4" })).toEqual({ q: "", filters: ["sms"], sort: "name", page: 1 });
  });
});

describe("creating and editing", () => {
  it("stores a friendly phone as E.164 and records the change in the audit log", async () => {
    await actAs(staff);
    const created = await createClient(undefined, { name: "  Eve Example ", email: "EVE@Example.com", phone: "+1 (415) 555-0123", smsOptIn: "on", currency: "USD" });
    expect(created.ok).toBe(true);
    const id = created.data!.id;
    const [row] = await getDb().select().from(clients).where(eq(clients.id, id));
    expect(row).toMatchObject({ name: "Eve Example", email: "eve@example.com", phone: "+14155550123", smsOptIn: true, company: null });
    expect((await updateClient(undefined, { id, name: "Eve Example", email: "eve@example.com", phone: "+14155550123", company: "Example Co", currency: "USD" })).ok).toBe(true);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(["client.create", "client.update"]);
    expect(audit[1]).toMatchObject({ actorUserId: staff.id, before: { company: null, smsOptIn: true }, after: { company: "Example Co", smsOptIn: false } });
  });

  it("answers bad input with field errors and writes nothing", async () => {
    await actAs(staff);
    const before = await databaseChecksum();
    const result = await createClient(undefined, { name: " ", email: "not-an-email", phone: "555" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)], email: [expect.any(String)], phone: [expect.stringContaining("country code")] } });
    expect(await databaseChecksum()).toBe(before);
  });
});

describe("archive, restore and delete", () => {
  it("archives and restores, for admins only", async () => {
    const c = await insertClient();
    await actAs(staff);
    expect((await archiveClient(undefined, { id: c.id })).ok).toBe(false);
    await actAs(admin);
    expect((await archiveClient(undefined, { id: c.id })).ok).toBe(true);
    expect(await archiveClient(undefined, { id: c.id })).toMatchObject({ ok: false, formError: "This client is already archived." });
    expect((await restoreClient(undefined, { id: c.id })).ok).toBe(true);
    const [row] = await getDb().select({ archivedAt: clients.archivedAt }).from(clients).where(eq(clients.id, c.id));
    expect(row!.archivedAt).toBeNull();
  });

  it("deletes only a client with no financial history or portal login", async () => {
    await actAs(admin);
    const withInvoice = await insertClient();
    await insertInvoice(withInvoice.id, { status: "draft" });
    const portal = await insertClient({ userId: (await createUser({ role: "client" })).id });
    const before = await databaseChecksum();
    expect(await deleteClient(undefined, { id: withInvoice.id })).toMatchObject({ ok: false, formError: expect.stringContaining("only be archived") });
    expect(await deleteClient(undefined, { id: portal.id })).toMatchObject({ ok: false, formError: expect.stringContaining("portal login") });
    expect(await databaseChecksum()).toBe(before);

    const clean = await insertClient();
    expect((await deleteClient(undefined, { id: clean.id })).ok).toBe(true);
    expect(await getDb().select().from(clients).where(eq(clients.id, clean.id))).toHaveLength(0);
    expect(await deleteClient(undefined, { id: clean.id })).toMatchObject({ ok: false, formError: "That client was not found." });
  });
});

describe("importing from CSV", () => {
  const csv = [
    "Name,Company,Email,Phone,SMS opt-in,Favourite colour",
    'Ivy Import,"Ivy & Co, Ltd",ivy@import.example,+1 415 555 0177,yes,green',
    "Jack Import,,jack@import.example,,no,blue",
    ",,nameless@import.example,,,",
    "Kim Import,,ivy@import.example,,,",
    "Lee Import,,lee@import.example,12345,maybe,",
    "Mia Import,,anna@zeta.example,,,",
  ].join("\r\n");

  it("previews every row with its errors and writes nothing", async () => {
    await actAs(admin);
    const before = await databaseChecksum();
    const result = await previewClientImport(undefined, { csv });
    expect(await databaseChecksum()).toBe(before);
    expect(result.ok).toBe(true);
    const preview = result.data!;
    expect(preview).toMatchObject({ valid: 2, invalid: 4, ignored: ["Favourite colour"] });
    const errors = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors]));
    expect(errors[2]).toEqual([]);
    expect(errors[3]).toEqual([]);
    expect(errors[4]).toEqual([expect.stringMatching(/^Name:/)]);
    expect(errors[5]).toEqual(["Email: also on line 2 of this file"]);
    expect(errors[6]).toEqual(expect.arrayContaining([expect.stringMatching(/^SMS opt-in/), expect.stringMatching(/^Phone:/)]));
    expect(errors[7]).toEqual(["Email: a client with this email already exists"]);
  });

  it("imports the valid rows in one go when confirmed, skipping the rest", async () => {
    await actAs(admin);
    expect(await importClients(undefined, { csv })).toMatchObject({ ok: true, data: { imported: 2, skipped: 4 } });
    const rows = await getDb().select().from(clients).where(like(clients.name, "% Import"));
    expect(rows.map((r) => [r.name, r.company, r.phone, r.smsOptIn])).toEqual([
      ["Ivy Import", "Ivy & Co, Ltd", "+14155550177", true],
      ["Jack Import", null, null, false],
    ]);
    // Importing the same file again finds the emails taken: nothing left to import.
    expect(await importClients(undefined, { csv })).toMatchObject({ ok: false, formError: expect.stringContaining("No row") });
    const [n] = await getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "client.import"));
    expect(n!.n).toBe(2);
  });

  it("is for admins only", async () => {
    await actAs(staff);
    expect((await previewClientImport(undefined, { csv })).ok).toBe(false);
  });
});

describe("a search past one page", () => {
  // Matches by name and email at once (counted once), by company only and by email only.
  const byName = Array.from({ length: 20 }, (_, i) => `Quill A${String(i + 1).padStart(2, "0")}`);
  const byCompany = Array.from({ length: 6 }, (_, i) => `Zed Z${i + 1}`);
  const byEmail = Array.from({ length: 4 }, (_, i) => `Mia M${i + 1}`);

  beforeAll(async () => {
    for (const name of byName) await insertClient({ name, email: `${name.toLowerCase().replace(" ", "-")}@quill.example` });
    for (const name of byCompany) await insertClient({ name, company: "Quill Works" });
    for (const [i, name] of byEmail.entries()) await insertClient({ name, email: `quill.m${i + 1}@mia.example` });
    await insertClient({ name: "Quill Gone", archived: true });
  });

  it("counts each match once and pages the union in the chosen order", async () => {
    const byNameAsc = [...byEmail, ...byName, ...byCompany];
    const first = await list({ q: "quill" });
    expect(first).toMatchObject({ total: 30, capped: false, pageCount: 2 });
    expect(first.rows.map((r) => r.name)).toEqual(byNameAsc.slice(0, 25));
    expect(await names({ q: "quill", page: "2" })).toEqual(byNameAsc.slice(25));
    expect(await names({ q: "quill", sort: "-name" })).toEqual([...byNameAsc].reverse().slice(0, 25));
    expect(await names({ q: "quill", sort: "-name", page: "2" })).toEqual([...byNameAsc].reverse().slice(25));
    const inserted = [...byName, ...byCompany, ...byEmail];
    expect(await names({ q: "quill", sort: "created" })).toEqual(inserted.slice(0, 25));
    expect(await names({ q: "quill", sort: "created", page: "2" })).toEqual(inserted.slice(25));
    expect(await names({ q: "quill", sort: "-created" })).toEqual([...inserted].reverse().slice(0, 25));
    expect(await list({ q: "quill", filter: "archived" })).toMatchObject({ total: 1, rows: [{ name: "Quill Gone" }] });
  });
});
