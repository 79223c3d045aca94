import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, clients, outbox, services } from "@/db/schema";
import { createService as createServiceAction } from "@/lib/actions/services/create-service";
import { updateService as updateServiceAction } from "@/lib/actions/services/update-service";
import { countSmsAudience } from "@/db/queries/sms-audience";
import { ensureSettingsRow, insertClient, outboxFor } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";

const serviceCount = async () => (await getDb().select({ n: count() }).from(services))[0]!.n;
const outboxCount = async () => (await getDb().select({ n: count() }).from(outbox))[0]!.n;
const form = (name: string, active: boolean) => ({ name, description: "Weekly window cleaning", price: "49.90", currency: "USD", interval: "monthly" as const, active });

let optedIn: Awaited<ReturnType<typeof insertClient>>[];
let inEuros: Awaited<ReturnType<typeof insertClient>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  optedIn = [await insertClient({ phone: "+14155550111", smsOptIn: true }), await insertClient({ phone: "+447700900222", smsOptIn: true })];
  // None of these may be texted: no consent, no number, archived.
  await insertClient({ phone: "+14155550112", smsOptIn: false });
  await insertClient({ phone: null, smsOptIn: true });
  await insertClient({ phone: "+14155550113", smsOptIn: true, archived: true });
  // Opted in, but billed in euros: only services priced in euros are for them.
  inEuros = await insertClient({ phone: "+33612345678", smsOptIn: true, currency: "EUR" });
  await actAs(await createUser({ role: "staff" }));
});

describe("announcing a new service by SMS", () => {
  it("texts every opted-in client with a number, once each, in the same transaction as the service", async () => {
    expect(await countSmsAudience(getDb(), "USD")).toBe(2);
    const result = await createServiceAction(undefined, form("Window cleaning", true));
    expect(result).toMatchObject({ ok: true, data: { announced: 2 } });
    const id = result.data!.id;
    const messages = await outboxFor({ type: "service", id });
    expect(messages.map((m) => m.channel)).toEqual(["sms", "sms"]);
    expect(messages.map((m) => m.clientId).sort()).toEqual(optedIn.map((c) => c.id).sort());
    expect(messages.map((m) => m.to[0]).sort()).toEqual(["+14155550111", "+447700900222"]);
    expect(messages[0]!.text).toContain("Window cleaning");
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: "service.create", after: expect.objectContaining({ announcedTo: 2, priceMinor: 4990 }) });
  });

  it("texts a service only to the clients who bill in its currency", async () => {
    expect(await countSmsAudience(getDb(), "EUR")).toBe(1);
    expect(await countSmsAudience(getDb(), "JPY")).toBe(0);
    const euros = await createServiceAction(undefined, { ...form("Nettoyage de vitres", true), price: "45.00", currency: "EUR" });
    expect(euros).toMatchObject({ ok: true, data: { announced: 1 } });
    expect((await outboxFor({ type: "service", id: euros.data!.id })).map((m) => m.clientId)).toEqual([inEuros.id]);
    const yen = await createServiceAction(undefined, { ...form("Tokyo window cleaning", true), price: "4500", currency: "JPY" });
    expect(yen).toMatchObject({ ok: true, data: { announced: 0 } });
  });

  it("refuses a currency that isn't one, with a field error", async () => {
    const before = await serviceCount();
    for (const currency of ["XYZ", "US", "usd ", "EURO", ""]) {
      const result = await createServiceAction(undefined, { ...form("Odd money", true), currency });
      if (currency === "usd ") expect(result.ok).toBe(true);
      else expect(result).toMatchObject({ ok: false, fieldErrors: { currency: [expect.stringContaining("ISO 4217")] } });
    }
    expect(await serviceCount()).toBe(before + 1);
  });

  it("sends nothing for a service created inactive, and announces it when it is switched on, only once", async () => {
    const created = await createServiceAction(undefined, form("Gutter repair", false));
    expect(created).toMatchObject({ ok: true, data: { announced: 0 } });
    const id = created.data!.id;
    expect(await outboxFor({ type: "service", id })).toHaveLength(0);

    expect(await updateServiceAction(undefined, { id, ...form("Gutter repair", true) })).toMatchObject({ ok: true, data: { announced: 2 } });
    expect(await updateServiceAction(undefined, { id, ...form("Gutter repair", false) })).toMatchObject({ ok: true, data: { announced: 0 } });
    expect(await updateServiceAction(undefined, { id, ...form("Gutter repair", true) })).toMatchObject({ ok: true, data: { announced: 0 } });
    expect(await outboxFor({ type: "service", id })).toHaveLength(2);
  });

  it("is all or nothing: one bad number rolls back the service and every message", async () => {
    // A number that slipped past validation (an old import, a manual fix) makes enqueue refuse.
    const bad = await insertClient({ phone: "+1", smsOptIn: true });
    const [services0, outbox0] = [await serviceCount(), await outboxCount()];
    const result = await createServiceAction(undefined, form("Roof survey", true));
    expect(result.ok).toBe(false);
    expect(await serviceCount()).toBe(services0);
    expect(await outboxCount()).toBe(outbox0);
    await getDb().delete(clients).where(eq(clients.id, bad.id));
  });

  it("refuses a bad price with a field error and writes nothing", async () => {
    const before = await serviceCount();
    const result = await createServiceAction(undefined, { ...form("Cheap", true), price: "12.345" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { price: [expect.stringContaining("decimal")] } });
    expect(await serviceCount()).toBe(before);
  });
});
