import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, users } from "@/db/schema";
import { updateBillingDetails } from "@/lib/actions/portal/update-billing-details";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { form } from "../support/actions";
import { databaseChecksum, ensureSettingsRow } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser } from "../support/factories";
import { actAs } from "../support/request-context";

// A client's receipts and reminders are texted to its number once it agrees
// to texts, so that number must be able to take them: opting in needs one on
// file that can, and an opted-in client can't change to one that can't.

const LANDLINE = "+442079460018"; // London, fixed line
const MOBILE = "+447911123456"; // UK mobile

async function clientWith(phone: string | null, smsOptIn: boolean) {
  const c = await createClientUser();
  await getDb().update(clients).set({ phone, smsOptIn }).where(eq(clients.id, c.clientId));
  await getDb().update(users).set({ phone }).where(eq(users.id, c.user.id));
  await actAs(c.user);
  return c;
}

const optIn = () => updateBillingDetails(undefined, form({ company: "", address: "", smsOptIn: "on" }));
const smsOptInOf = async (clientId: number) => (await getDb().select({ on: clients.smsOptIn }).from(clients).where(eq(clients.id, clientId)))[0]!.on;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
});

describe("texts to a client", () => {
  it("can't be turned on for a landline or no number, and changes nothing", async () => {
    for (const phone of [LANDLINE, null]) {
      const c = await clientWith(phone, false);
      const before = await databaseChecksum();
      const state = await optIn();
      expect(state).toMatchObject({ ok: false, fieldErrors: { smsOptIn: [phone ? expect.stringContaining("can't take text messages") : expect.stringContaining("Add a mobile number")] } });
      expect(await databaseChecksum()).toBe(before);
      expect(await smsOptInOf(c.clientId)).toBe(false);
    }
  });

  it("turn on for a mobile number", async () => {
    const c = await clientWith(MOBILE, false);
    expect(await optIn()).toMatchObject({ ok: true });
    expect(await smsOptInOf(c.clientId)).toBe(true);
  });

  it("keep an opted-in client's number a mobile one; without texts any number will do", async () => {
    const c = await clientWith(MOBILE, true);
    const profile = (phone: string) => updateProfile(undefined, form({ name: c.user.name, email: c.user.email, phone, phoneCountry: "", currentPassword: "" }));
    const before = await databaseChecksum();
    expect(await profile("+44 20 7946 0018")).toMatchObject({ ok: false, fieldErrors: { phone: [expect.stringContaining("can't take text messages")] } });
    expect(await databaseChecksum()).toBe(before);
    expect(await profile("+44 7400 123456")).toMatchObject({ ok: true });

    const quiet = await clientWith(MOBILE, false);
    expect(await updateProfile(undefined, form({ name: quiet.user.name, email: quiet.user.email, phone: "+44 20 7946 0018", phoneCountry: "", currentPassword: "" }))).toMatchObject({ ok: true });
  });
});
