import { DENIED, SIGNED_OUT } from "@/lib/actions/define-action";
import { payAllInvoices } from "@/lib/actions/portal/pay-all-invoices";
import { testChargeStats } from "@/lib/payments/providers/test-provider";
import { PAY_ALL_CHANGED } from "@/lib/portal/pay-all";
import { form } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ensureSettings, issuedInvoice, line, readInvoice } from "../support/invoices";
import { DECLINE_CARD, SUCCESS_CARD, messagesAbout, newKey, paymentsOf, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";

// "Pay all" on the portal home: every open invoice's balance by one card, as
// one payment per invoice (its own lock, transaction and receipts), only if
// the list the client confirmed is still what is open.

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 1_000 });
});

/** A portal client with three open invoices: USD 100.00, USD 40.00 (partly paid below) and EUR 75.00. */
async function clientWithOpenInvoices() {
  const first = await portalClientWithInvoice(10_000);
  const staff = { id: first.staff.id, role: "staff" as const };
  const second = await issuedInvoice(staff, first.clientId, [line("Hosting", 1000, 4_000)]);
  const euro = await issuedInvoice(staff, first.clientId, [line("Workshop", 1000, 7_500)], { currency: "EUR" });
  return { user: first.user, clientId: first.clientId, staff, ids: [first.invoiceId, second.id, euro.id] };
}

function payAllForm(expected: [number, number][], overrides: Record<string, string> = {}) {
  return form({
    expected: expected.map(([id, minor]) => `${id}:${minor}`).join(","),
    idempotencyKey: newKey(),
    cardNumber: SUCCESS_CARD,
    cardExpiry: "12/39",
    cardCvc: "123",
    cardName: "Ada Lovelace",
    ...overrides,
  });
}

describe("Pay all from the portal (test provider)", () => {
  it("pays every open invoice in full, one payment and one receipt each, in each invoice's own currency", async () => {
    const { user, ids } = await clientWithOpenInvoices();
    await actAs(user);
    const state = await payAllInvoices(
      undefined,
      payAllForm([
        [ids[0]!, 10_000],
        [ids[1]!, 4_000],
        [ids[2]!, 7_500],
      ]),
    );
    expect(state).toMatchObject({ ok: true, data: { declined: null, unpaid: [] } });
    expect((state.data as { paid: { invoiceId: number; currency: string; amountMinor: number }[] }).paid.map((p) => [p.invoiceId, p.currency, p.amountMinor])).toEqual([
      [ids[0], "USD", 10_000],
      [ids[1], "USD", 4_000],
      [ids[2], "EUR", 7_500],
    ]);
    for (const [id, total] of [
      [ids[0]!, 10_000],
      [ids[1]!, 4_000],
      [ids[2]!, 7_500],
    ] as const) {
      expect(await readInvoice(id)).toMatchObject({ status: "paid", amountPaidMinor: total });
      const rows = await paymentsOf(id);
      expect(rows.map((p) => [p.status, p.method, p.amountMinor, p.currency, p.recordedBy])).toEqual([["succeeded", "card", total, id === ids[2] ? "EUR" : "USD", null]]);
      // The same receipts as any payment: an email and an SMS.
      expect(await messagesAbout(id, "payment_receipt")).toHaveLength(2);
    }
  });

  it("a double submit (same key) pays each invoice once, even at the same moment", async () => {
    const { user, ids } = await clientWithOpenInvoices();
    await actAs(user);
    const key = newKey();
    const expected: [number, number][] = [
      [ids[0]!, 10_000],
      [ids[1]!, 4_000],
      [ids[2]!, 7_500],
    ];
    const [a, b] = await Promise.all([payAllInvoices(undefined, payAllForm(expected, { idempotencyKey: key })), payAllInvoices(undefined, payAllForm(expected, { idempotencyKey: key }))]);
    const c = await payAllInvoices(undefined, payAllForm(expected, { idempotencyKey: key }));
    for (const s of [a, b, c]) expect(s.ok).toBe(true);
    for (const id of ids) {
      const rows = await paymentsOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: "succeeded", idempotencyKey: `portal:${key}:${id}` });
      expect(testChargeStats(rows[0]!.providerRef!)).toEqual({ attempts: 1, captured: true, refunded: false });
    }
  });

  it("charges nothing when the open invoices or their balances differ from the confirmed list", async () => {
    const { user, ids } = await clientWithOpenInvoices();
    await actAs(user);
    // One left out (a new invoice since the list was shown), then a balance that changed.
    for (const expected of [
      [
        [ids[0]!, 10_000],
        [ids[1]!, 4_000],
      ],
      [
        [ids[0]!, 9_000],
        [ids[1]!, 4_000],
        [ids[2]!, 7_500],
      ],
    ] as [number, number][][]) {
      expect(await payAllInvoices(undefined, payAllForm(expected))).toEqual(expect.objectContaining({ ok: false, formError: PAY_ALL_CHANGED }));
    }
    for (const id of ids) expect(await paymentsOf(id)).toHaveLength(0);
  });

  it("another client's invoice in the list is not found, and nothing is charged", async () => {
    const mine = await clientWithOpenInvoices();
    const other = await portalClientWithInvoice(5_000);
    await actAs(mine.user);
    const state = await payAllInvoices(
      undefined,
      payAllForm([
        [mine.ids[0]!, 10_000],
        [mine.ids[1]!, 4_000],
        [mine.ids[2]!, 7_500],
        [other.invoiceId, 5_000],
      ]),
    );
    expect(state).toMatchObject({ ok: false, formError: "That invoice was not found." });
    for (const id of [...mine.ids, other.invoiceId]) expect(await paymentsOf(id)).toHaveLength(0);
  });

  it("a declined card stops the run: the first is declined, the rest are not tried, no balance moves", async () => {
    const { user, ids } = await clientWithOpenInvoices();
    await actAs(user);
    const state = await payAllInvoices(
      undefined,
      payAllForm(
        [
          [ids[0]!, 10_000],
          [ids[1]!, 4_000],
          [ids[2]!, 7_500],
        ],
        { cardNumber: DECLINE_CARD },
      ),
    );
    expect(state).toMatchObject({ ok: true, data: { paid: [], declined: "The card was declined." } });
    expect((state.data as { unpaid: { reason: string }[] }).unpaid.map((u) => u.reason)).toEqual([
      "Declined: The card was declined.",
      "Not tried: the card was declined.",
      "Not tried: the card was declined.",
    ]);
    expect((await paymentsOf(ids[0]!)).map((p) => p.status)).toEqual(["failed"]);
    for (const id of ids.slice(1)) expect(await paymentsOf(id)).toHaveLength(0);
    for (const id of ids) expect(await readInvoice(id)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
  });

  it("refuses a malformed list and bad card details before anything is charged", async () => {
    const { user, ids } = await clientWithOpenInvoices();
    await actAs(user);
    for (const expected of ["", `${ids[0]}`, `${ids[0]}:-5`, `${ids[0]}:1.5`, `0:100`, `${ids[0]}:100,`]) {
      expect(await payAllInvoices(undefined, payAllForm([], { expected }))).toMatchObject({ ok: false, fieldErrors: { expected: ["Reload the page and try again"] } });
    }
    expect(await payAllInvoices(undefined, payAllForm([[ids[0]!, 10_000]], { cardNumber: "4242 4242 4242 4241" }))).toMatchObject({
      ok: false,
      fieldErrors: { cardNumber: ["Enter a valid card number"] },
    });
    for (const id of ids) expect(await paymentsOf(id)).toHaveLength(0);
  });

  it("is for signed-in clients only", async () => {
    const { ids } = await clientWithOpenInvoices();
    await actAs(null);
    expect(await payAllInvoices(undefined, payAllForm([[ids[0]!, 10_000]]))).toMatchObject({ ok: false, formError: SIGNED_OUT });
    for (const role of ["staff", "admin"] as const) {
      await actAs(await createUser({ role }));
      expect(await payAllInvoices(undefined, payAllForm([[ids[0]!, 10_000]]))).toMatchObject({ ok: false, formError: DENIED });
    }
    for (const id of ids) expect(await paymentsOf(id)).toHaveLength(0);
  });
});
