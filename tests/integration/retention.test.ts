import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import OutboxMessagePage from "@/app/(admin)/admin/outbox/[id]/page";
import { OutboxList } from "@/components/outbox/outbox-list";
import { getDb } from "@/db";
import { emailChanges, invoiceLinks, otpCodes, outbox, outboxAttempts, passwordResets, rateLimiter, sessions, staffInvites, type OutboxStatus } from "@/db/schema";
import { retryMessage } from "@/lib/actions/outbox/retry-message";
import { runRetention } from "@/lib/retention/run";
import { outboxSearchSchema } from "@/lib/validation/outbox";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { emailInput, enqueueCommitted, getMessage, smsInput } from "../support/outbox";
import { actAs } from "../support/request-context";

const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const hash = () => randomBytes(32).toString("hex");

let admin: Awaited<ReturnType<typeof createUser>>;

// Each test counts what one run removes, so each starts from an empty database.
beforeEach(async () => {
  await resetDatabase();
  admin = await createUser({ role: "admin" });
});

/** A message queued `createdDaysAgo` days ago that ended as `status`, `finishedDaysAgo` days ago. */
async function message(status: OutboxStatus, createdDaysAgo: number, finishedDaysAgo = createdDaysAgo) {
  const { id } = await enqueueCommitted(emailInput());
  const finished = ago(finishedDaysAgo * DAY);
  const sent = status === "sent" || status === "captured";
  await getDb()
    .update(outbox)
    .set({
      status,
      createdAt: ago(createdDaysAgo * DAY),
      nextAttemptAt: finished,
      sentAt: sent ? finished : null,
      secrets: status === "captured" || status === "queued" || status === "failed" ? undefined : null,
    })
    .where(eq(outbox.id, id));
  await getDb()
    .insert(outboxAttempts)
    .values({ outboxId: id, attempt: 1, outcome: status === "dead" || status === "failed" ? "failed" : sent ? (status as "sent" | "captured") : "failed", durationMs: 5 });
  return id;
}

const rowsOf = async (ids: number[]) => (await getDb().select().from(outbox).where(inArray(outbox.id, ids))).sort((a, b) => a.id - b.id);

describe("the retention job", () => {
  it("empties the bodies of messages finished more than 90 days ago, and touches nothing else", async () => {
    const prunable = {
      sent: await message("sent", 100),
      captured: await message("captured", 95, 91),
      dead: await message("dead", 120, 119),
    };
    const kept = {
      recentSent: await message("sent", 10),
      recentCaptured: await message("captured", 89),
      // Queued long ago and retried late: it finished 5 days ago.
      sentLate: await message("sent", 100, 5),
      oldQueued: await message("queued", 100),
      oldFailed: await message("failed", 100, 99),
    };
    const keptBefore = await rowsOf(Object.values(kept));
    const prunableBefore = await rowsOf(Object.values(prunable));
    expect(prunableBefore.find((m) => m.id === prunable.captured)!.secrets).toEqual(expect.any(String));

    // Batches of 2 over 8 messages: the job must walk past full batches to find them all.
    const result = await runRetention(getDb(), { outboxDays: 90, now: NOW, batchSize: 2 });
    expect(result.messages).toBe(3);

    for (const before of prunableBefore) {
      const after = await getMessage(before.id);
      expect(after).toMatchObject({ text: "", html: null, templateData: null, secrets: null, prunedAt: expect.any(Date) });
      // The envelope stays, so record pages still list the message.
      expect(after).toMatchObject({ subject: before.subject, status: before.status, to: before.to, template: before.template, attempts: before.attempts, sentAt: before.sentAt });
      expect(await getDb().select().from(outboxAttempts).where(eq(outboxAttempts.outboxId, before.id))).toHaveLength(1);
    }
    expect(await rowsOf(Object.values(kept))).toEqual(keptBefore);

    // A second run finds nothing left.
    expect((await runRetention(getDb(), { outboxDays: 90, now: NOW, batchSize: 2 })).messages).toBe(0);
  });

  it("follows OUTBOX_RETENTION_DAYS: a shorter setting prunes younger messages", async () => {
    const id = await message("sent", 20);
    expect((await runRetention(getDb(), { outboxDays: 30, now: NOW })).messages).toBe(0);
    expect((await runRetention(getDb(), { outboxDays: 14, now: NOW })).messages).toBe(1);
    expect((await getMessage(id)).prunedAt).toEqual(expect.any(Date));
  });

  it("leaves a pruned message unsendable and says so on its page and in the list", async () => {
    const id = await message("dead", 200);
    const sms = await enqueueCommitted(smsInput());
    await getDb()
      .update(outbox)
      .set({ status: "sent", secrets: null, createdAt: ago(200 * DAY), nextAttemptAt: ago(200 * DAY), sentAt: ago(200 * DAY) })
      .where(eq(outbox.id, sms.id));
    await runRetention(getDb(), { outboxDays: 90, now: NOW });
    await actAs(admin);
    expect(await retryMessage(undefined, { id })).toMatchObject({ ok: false, formError: expect.stringMatching(/removed by the retention job/) });
    const page = renderToStaticMarkup(await OutboxMessagePage({ params: Promise.resolve({ id: String(id) }) }));
    expect(page).toMatch(/Its text was removed on .* by the retention job, which empties messages finished more than 90 days ago/);
    const list = renderToStaticMarkup(await OutboxList({ params: outboxSearchSchema.parse({ channel: "sms" }) }));
    expect(list).toContain(`href="/admin/outbox/${sms.id}">Text removed by the retention job</a>`);
  });

  it("deletes one-time codes, password resets and email changes a day after they were used or expired, and keeps live ones", async () => {
    const user = admin.id;
    const otp = async (expiresAgo: number, consumedAgo: number | null) =>
      (
        await getDb()
          .insert(otpCodes)
          .values({
            userId: user,
            purpose: "login",
            codeHash: hash(),
            expiresAt: ago(expiresAgo),
            consumedAt: consumedAgo === null ? null : ago(consumedAgo),
            createdAt: ago(expiresAgo + 10 * 60_000),
          })
      )[0].insertId;
    const reset = async (expiresAgo: number, usedAgo: number | null) =>
      (
        await getDb()
          .insert(passwordResets)
          .values({ userId: user, tokenHash: hash(), expiresAt: ago(expiresAgo), usedAt: usedAgo === null ? null : ago(usedAgo) })
      )[0].insertId;
    const change = async (expiresAgo: number, usedAgo: number | null) =>
      (
        await getDb()
          .insert(emailChanges)
          .values({ userId: user, newEmail: "new@test.example", tokenHash: hash(), expiresAt: ago(expiresAgo), usedAt: usedAgo === null ? null : ago(usedAgo) })
      )[0].insertId;

    const gone = {
      otp: [await otp(2 * DAY, null), await otp(-5 * 60_000, 2 * DAY)],
      reset: [await reset(3 * DAY, null), await reset(-HOUR, 30 * HOUR)],
      change: [await change(2 * DAY, null), await change(-DAY, 25 * HOUR)],
    };
    // Live, or used or expired within the last day (someone trying again is told it was used or has expired).
    const stay = {
      otp: [await otp(-5 * 60_000, null), await otp(HOUR, null), await otp(-5 * 60_000, HOUR)],
      reset: [await reset(-HOUR, null), await reset(2 * HOUR, null), await reset(-HOUR, 23 * HOUR)],
      change: [await change(-DAY, null), await change(12 * HOUR, null)],
    };

    const result = await runRetention(getDb(), { outboxDays: 90, now: NOW, batchSize: 1 });
    expect(result).toMatchObject({ otpCodes: 2, passwordResets: 2, emailChanges: 2 });
    const ids = async (table: typeof otpCodes | typeof passwordResets | typeof emailChanges) => (await getDb().select({ id: table.id }).from(table)).map((r) => r.id).sort((a, b) => a - b);
    expect(await ids(otpCodes)).toEqual(stay.otp.sort((a, b) => a - b));
    expect(await ids(passwordResets)).toEqual(stay.reset.sort((a, b) => a - b));
    expect(await ids(emailChanges)).toEqual(stay.change.sort((a, b) => a - b));
    expect(gone.otp).toHaveLength(2);
  });

  it("deletes expired sessions and rate-limit counters, and keeps live ones and counters that never expire", async () => {
    const session = async (expiresAgo: number) =>
      (
        await getDb()
          .insert(sessions)
          .values({ tokenHash: hash(), userId: admin.id, sessionVersion: 1, lastSeenAt: ago(DAY), expiresAt: ago(expiresAgo) })
      )[0].insertId;
    const expired = [await session(HOUR), await session(40 * DAY)];
    const live = [await session(-HOUR), await session(-30 * DAY)];
    await getDb()
      .insert(rateLimiter)
      .values([
        { key: "login:old", points: 3, expire: NOW.getTime() - 1000 },
        { key: "login:older", points: 9, expire: NOW.getTime() - 10 * DAY },
        { key: "login:live", points: 1, expire: NOW.getTime() + 60_000 },
        { key: "login:forever", points: 1, expire: null },
      ]);

    const result = await runRetention(getDb(), { outboxDays: 90, now: NOW, batchSize: 1 });
    expect(result).toMatchObject({ sessions: 2, rateLimits: 2 });
    expect((await getDb().select({ id: sessions.id }).from(sessions)).map((r) => r.id).sort()).toEqual(live.sort());
    expect(expired).toHaveLength(2);
    expect((await getDb().select({ key: rateLimiter.key }).from(rateLimiter)).map((r) => r.key).sort()).toEqual(["login:forever", "login:live"]);
  });

  it("clears staff invites' token hashes once decided, accepted or expired, keeps the invites, and leaves invoice links alone", async () => {
    const invite = async (values: Partial<typeof staffInvites.$inferInsert>) =>
      (
        await getDb()
          .insert(staffInvites)
          .values({ email: `i${hash().slice(0, 8)}@test.example`, name: "Invitee", requestedBy: admin.id, ...values })
      )[0].insertId;
    const pending = await invite({ status: "pending_approval", decisionTokenHash: hash(), decisionExpiresAt: ago(-DAY) });
    const pendingLapsed = await invite({ status: "pending_approval", decisionTokenHash: hash(), decisionExpiresAt: ago(2 * DAY) });
    const approvedWaiting = await invite({ status: "approved", decisionTokenHash: hash(), decisionExpiresAt: ago(-DAY), decidedAt: ago(2 * DAY), acceptTokenHash: hash(), expiresAt: ago(-DAY) });
    const approvedToday = await invite({ status: "approved", decisionTokenHash: hash(), decisionExpiresAt: ago(-DAY), decidedAt: ago(HOUR), acceptTokenHash: hash(), expiresAt: ago(-2 * DAY) });
    const accepted = await invite({ status: "accepted", decisionTokenHash: hash(), decidedAt: ago(5 * DAY), acceptTokenHash: hash(), expiresAt: ago(-DAY), acceptedAt: ago(3 * DAY) });
    const acceptLapsed = await invite({ status: "approved", decidedAt: ago(10 * DAY), acceptTokenHash: hash(), expiresAt: ago(7 * DAY) });
    const rejected = await invite({ status: "rejected", decisionTokenHash: hash(), decidedAt: ago(2 * DAY) });
    const [link] = await getDb()
      .insert(invoiceLinks)
      .values({ invoiceId: 1, tokenHash: hash(), expiresAt: ago(400 * DAY) });

    const result = await runRetention(getDb(), { outboxDays: 90, now: NOW, batchSize: 2 });
    expect(result.invites).toBe(5);
    const hashes = Object.fromEntries(
      (await getDb().select({ id: staffInvites.id, decision: staffInvites.decisionTokenHash, accept: staffInvites.acceptTokenHash }).from(staffInvites)).map((r) => [
        r.id,
        [r.decision !== null, r.accept !== null],
      ]),
    );
    expect(hashes).toEqual({
      [pending]: [true, false],
      [pendingLapsed]: [false, false],
      // Decided two days ago: the decision link is spent; the invitee's link still works.
      [approvedWaiting]: [false, true],
      [approvedToday]: [true, true],
      [accepted]: [false, false],
      [acceptLapsed]: [false, false],
      [rejected]: [false, false],
    });
    // An expired invoice link stays, so /i/<token> can still say it expired.
    expect(await getDb().select({ id: invoiceLinks.id }).from(invoiceLinks).where(eq(invoiceLinks.id, link.insertId))).toHaveLength(1);
  });
});
