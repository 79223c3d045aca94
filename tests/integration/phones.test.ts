import { eq, like } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, settings } from "@/db/schema";
import { listClients } from "@/db/queries/clients";
import { createClient } from "@/lib/actions/clients/create-client";
import { importClients } from "@/lib/actions/clients/import-clients";
import { previewClientImport } from "@/lib/actions/clients/preview-client-import";
import { updateClient } from "@/lib/actions/clients/update-client";
import { parseClientListParams } from "@/lib/validation/clients";
import { databaseChecksum, ensureSettingsRow, insertClient } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";

// Phones through the real actions, schema and queries: typed in any form with
// the picker's country, stored as E.164, found by any typed form of the number.

const TODAY = "2026-06-15";
const search = async (q: string, extra: Record<string, string> = {}) => (await listClients(parseClientListParams({ q, ...extra }), TODAY)).rows.map((r) => r.name).sort();
const phoneOf = async (id: number) => (await getDb().select({ phone: clients.phone }).from(clients).where(eq(clients.id, id)))[0]?.phone;
const setLocale = (locale: string) => getDb().update(settings).set({ locale }).where(eq(settings.id, 1));

let staff: Awaited<ReturnType<typeof createUser>>;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  staff = await createUser({ role: "staff" });
  admin = await createUser({ role: "admin" });
});

describe("creating a client with a phone", () => {
  it("stores a national number typed with its country as E.164", async () => {
    await actAs(staff);
    const us = await createClient(undefined, { name: "Pat National", phone: "(415) 555-0142", phoneCountry: "US", smsOptIn: "on", currency: "USD" });
    expect(us).toMatchObject({ ok: true });
    expect(await phoneOf(us.data!.id)).toBe("+14155550142");
    const gb = await createClient(undefined, { name: "Gwen Britain", phone: "07400 123456", phoneCountry: "GB", smsOptIn: "on", currency: "GBP" });
    expect(await phoneOf(gb.data!.id)).toBe("+447400123456");
    // A "+" number carries its own country, whatever the picker says.
    const de = await createClient(undefined, { name: "Dieter Abroad", phone: "0049 30 1234567", phoneCountry: "US", currency: "EUR" });
    expect(await phoneOf(de.data!.id)).toBe("+49301234567");
  });

  it.each([
    ["+1 555 123 4567", "US", "United States"],
    ["555 123 4567", "US", "United States"],
    ["020 7946 001", "GB", "United Kingdom"],
  ])("refuses the impossible number %s (%s) with an example, and writes nothing", async (phone, phoneCountry, country) => {
    await actAs(staff);
    const before = await databaseChecksum();
    const result = await createClient(undefined, { name: "Never Stored", phone, phoneCountry, currency: "USD" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { phone: [expect.stringMatching(new RegExp(`exists in ${country}.*like `))] } });
    expect(await databaseChecksum()).toBe(before);
  });

  it("refuses a landline for SMS opt-in, and a country the picker doesn't have", async () => {
    await actAs(staff);
    const before = await databaseChecksum();
    expect(await createClient(undefined, { name: "Lana Landline", phone: "020 7946 0018", phoneCountry: "GB", smsOptIn: "on", currency: "GBP" })).toMatchObject({
      ok: false,
      fieldErrors: { phone: [expect.stringContaining("can't take text messages")] },
    });
    expect(await createClient(undefined, { name: "Nowhere", phone: "020 7946 0018", phoneCountry: "ZZ", currency: "GBP" })).toMatchObject({
      ok: false,
      fieldErrors: { phoneCountry: [expect.any(String)] },
    });
    expect(await databaseChecksum()).toBe(before);
  });

  it("an edit reads the number in the picker's country too", async () => {
    await actAs(staff);
    const made = await createClient(undefined, { name: "Eda Edit", phone: "", currency: "USD" });
    expect(await phoneOf(made.data!.id)).toBeNull();
    expect(await updateClient(undefined, { id: made.data!.id, name: "Eda Edit", phone: "03-1234-5678", phoneCountry: "JP", currency: "USD" })).toMatchObject({ ok: true });
    expect(await phoneOf(made.data!.id)).toBe("+81312345678");
  });
});

describe("searching by phone", () => {
  beforeAll(async () => {
    await insertClient({ name: "Sam Searched", phone: "+14155550199" });
    await insertClient({ name: "Archie Archived", phone: "+14155550188", archived: true });
    await insertClient({ name: "Otto Other", phone: "+12125550100" });
    await insertClient({ name: "Lucy London", phone: "+442079460018" });
  });

  it.each(["(415) 555", "415-555", "+1 415 555", "001415555", "1 415 555 01"])("%s finds the US clients with that number", async (q) => {
    expect(await search(q)).toEqual(["Pat National", "Sam Searched"]);
  });

  it("finds no one for a number no client has, and an archived client only among the archived", async () => {
    expect(await search("(415) 556")).toEqual([]);
    expect(await search("(212) 555")).toEqual(["Otto Other"]);
    expect(await search("(415) 555", { filter: "archived" })).toEqual(["Archie Archived"]);
  });

  it("reads a national number in the business's country, trunk prefix and all", async () => {
    expect(await search("020 7946")).toEqual([]);
    await setLocale("en-GB");
    try {
      expect(await search("020 7946")).toEqual(["Lucy London"]);
      expect(await search("07400 123")).toEqual(["Gwen Britain"]);
      expect(await search("+44 20 7946")).toEqual(["Lucy London"]);
    } finally {
      await setLocale("en-US");
    }
  });
});

describe("importing phones", () => {
  const csv = [
    "name,email,phone,sms_opt_in",
    "Ina Import,ina@import.example,(415) 555-0166,yes",
    "Ian Impossible,ian@import.example,+1 555 123 4567,no",
    "Ivo Abroad,ivo@import.example,+44 20 7946 0019,no",
  ].join("\r\n");

  it("reads numbers in the business's country and reports an impossible one on its line", async () => {
    await actAs(admin);
    const preview = await previewClientImport(undefined, { csv });
    const errors = Object.fromEntries(preview.data!.rows.map((r) => [r.line, r.errors]));
    expect(errors).toEqual({ 2: [], 3: [expect.stringMatching(/^Phone: That isn't a phone number that exists in United States/)], 4: [] });
    expect(await importClients(undefined, { csv })).toMatchObject({ ok: true, data: { imported: 2, skipped: 1 } });
    const rows = await getDb().select({ name: clients.name, phone: clients.phone }).from(clients).where(like(clients.email, "%@import.example"));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Ina Import", phone: "+14155550166" },
      { name: "Ivo Abroad", phone: "+442079460019" },
    ]);
  });
});
