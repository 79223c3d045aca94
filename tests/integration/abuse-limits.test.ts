import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { emailInvoice } from "@/lib/actions/invoices/email-invoice";
import { emailMyInvoice } from "@/lib/actions/portal/email-my-invoice";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { changePassword } from "@/lib/actions/profile/change-password";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { authenticate } from "@/lib/auth/authenticate";
import { limits } from "@/lib/limits/rules";
import { form } from "../support/actions";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { ensureSettings } from "../support/invoices";
import { DECLINE_CARD, newKey, payForm, paymentsOf, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";

// Finding 8: every path that sends mail, takes money or checks a password is
// limited per person, so a signed-in account can't be turned into a spam
// relay, a card tester or a password guesser.

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ minPaymentMinor: 100 });
});

const emailsTo = async (address: string) => (await getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.toFirst, address))).length;
const ccs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `cc${i}.${tag}@test.example`).join(", ");

describe("a client emailing invoices from the portal", () => {
  it(`can reach at most ${limits.portalEmailRecipients.points} recipients a day; the refused send queues nothing`, async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    const other = await portalClientWithInvoice(10_000);
    await actAs(user);
    const perSend = 6; // the client plus five CCs
    for (let i = 0; i < limits.portalEmailRecipients.points / perSend; i++) {
      expect(await emailMyInvoice(undefined, form({ invoiceId: String(invoiceId), cc: ccs(5, `ok${i}`), idempotencyKey: newKey() }))).toMatchObject({ ok: true });
    }
    const before = await databaseChecksum();
    expect(await emailMyInvoice(undefined, form({ invoiceId: String(invoiceId), cc: ccs(1, "over"), idempotencyKey: newKey() }))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/a lot of addresses today\. Try again in \d+ hours?/),
    });
    expect(await databaseChecksum()).toBe(before);
    // Another client's allowance is its own.
    await actAs(other.user);
    expect(await emailMyInvoice(undefined, form({ invoiceId: String(other.invoiceId), cc: "", idempotencyKey: newKey() }))).toMatchObject({ ok: true });
  });
});

describe("a client telling us about bank transfers and cash", () => {
  it("can't declare more than the balance in total", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    expect(await payInvoice(undefined, payForm(invoiceId, "60.00", { method: "bank_transfer" }))).toMatchObject({ ok: true, data: { outcome: "pending" } });
    expect(await payInvoice(undefined, payForm(invoiceId, "50.00", { method: "cash" }))).toMatchObject({ ok: false, fieldErrors: { amount: ["At most $40.00"] } });
    expect(await payInvoice(undefined, payForm(invoiceId, "40.00", { method: "cash" }))).toMatchObject({ ok: true, data: { outcome: "pending" } });
    expect(await payInvoice(undefined, payForm(invoiceId, "1.00", { method: "bank_transfer" }))).toMatchObject({ ok: false, fieldErrors: { amount: ["Nothing is left to declare"] } });
    expect((await paymentsOf(invoiceId)).map((p) => p.amountMinor)).toEqual([6_000, 4_000]);
  });

  it(`can declare at most ${limits.portalDeclaredPayments.points} a day`, async () => {
    const { user, invoiceId } = await portalClientWithInvoice(100_000);
    await actAs(user);
    for (let i = 0; i < limits.portalDeclaredPayments.points; i++) {
      expect(await payInvoice(undefined, payForm(invoiceId, "1.00", { method: "bank_transfer" }))).toMatchObject({ ok: true });
    }
    expect(await payInvoice(undefined, payForm(invoiceId, "1.00", { method: "bank_transfer" }))).toMatchObject({ ok: false, formError: expect.stringContaining("several payments today") });
    expect(await paymentsOf(invoiceId)).toHaveLength(limits.portalDeclaredPayments.points);
  });
});

describe("a client paying by card", () => {
  it(`gets ${limits.portalCardAttempts.points} attempts an hour, so the form can't test stolen cards`, async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    for (let i = 0; i < limits.portalCardAttempts.points; i++) {
      expect(await payInvoice(undefined, payForm(invoiceId, "10.00", { cardNumber: DECLINE_CARD }))).toMatchObject({ ok: true, data: { outcome: "declined" } });
    }
    expect(await payInvoice(undefined, payForm(invoiceId, "10.00"))).toMatchObject({ ok: false, formError: expect.stringMatching(/Too many card attempts\. Try again in \d+ minutes?/) });
    // Refused before anything reached the provider: no eleventh payment, not even a pending one.
    expect(await paymentsOf(invoiceId)).toHaveLength(limits.portalCardAttempts.points);
  });
});

describe("staff emailing invoices", () => {
  it(`reach at most ${limits.staffEmailRecipients.points} recipients a day each`, async () => {
    const { invoiceId } = await portalClientWithInvoice(10_000);
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    const fifty = (tag: string) => Array.from({ length: 50 }, (_, i) => `to${i}.${tag}@test.example`).join(", ");
    for (let i = 0; i < limits.staffEmailRecipients.points / 50; i++) {
      expect(await emailInvoice(undefined, form({ invoiceId: String(invoiceId), to: fifty(`s${i}`), cc: "", bcc: "", subject: "Your invoice", message: "", idempotencyKey: newKey() }))).toMatchObject({
        ok: true,
      });
    }
    expect(
      await emailInvoice(undefined, form({ invoiceId: String(invoiceId), to: "one.more@test.example", cc: "", bcc: "", subject: "Your invoice", message: "", idempotencyKey: newKey() })),
    ).toMatchObject({
      ok: false,
      formError: expect.stringContaining("today's limit of invoice emails"),
    });
    expect(await emailsTo("one.more@test.example")).toBe(0);
  });
});

describe("a signed-in person's password checks", () => {
  it("count like sign-in attempts: after five wrong current passwords even the right one is refused", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    const NEW = "Quiet-Lantern-Orchard-58";
    for (let i = 0; i < limits.loginAccountIp.points; i++) {
      expect(await changePassword(undefined, { currentPassword: `Wrong-Password-${i}`, password: NEW, confirmPassword: NEW })).toMatchObject({
        ok: false,
        fieldErrors: { currentPassword: [expect.any(String)] },
      });
    }
    expect(await changePassword(undefined, { currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: NEW })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("Too many wrong passwords"),
    });
    // The same budget guards the email change, which also asks for the password.
    expect(await updateProfile(undefined, { name: "Sam", email: `moved.${Date.now()}@test.example`, phone: "", currentPassword: TEST_PASSWORD })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("Too many wrong passwords"),
    });
  });

  it("aren't held back by a stranger's wrong sign-ins: the account-wide lock spares the signed-in owner", async () => {
    const staff = await createUser({ role: "staff" });
    for (let i = 0; i < limits.loginAccount.points + 1; i++) await authenticate(getDb(), staff.email, `Wrong-Password-${i}`, `203.0.113.${i + 1}`);
    expect(await authenticate(getDb(), staff.email, TEST_PASSWORD, "198.51.100.200")).toMatchObject({ ok: false, reason: "rate_limited" });
    await actAs(staff);
    const NEW = "Quiet-Lantern-Orchard-59";
    expect(await changePassword(undefined, { currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
  });
});
