import { eq } from "drizzle-orm";
import { NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db";
import { auditLog, sessions } from "@/db/schema";
import { GET as invoicePdf } from "@/app/api/invoices/[id]/pdf/route";
import { login } from "@/lib/actions/auth/login";
import { logout } from "@/lib/actions/auth/logout";
import { signOutDevice } from "@/lib/actions/profile/sign-out-device";
import { signOutEverywhere } from "@/lib/actions/profile/sign-out-everywhere";
import { getCurrentUser } from "@/lib/auth/session";
import { renewSessionCookie } from "@/lib/auth/session-renewal";
import { readSessionToken, SESSION_COOKIE } from "@/lib/auth/session-token";
import { hashSessionId, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { getPdfPool } from "@/lib/pdf/print";
import { form, redirectOf } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser, TEST_PASSWORD } from "../support/factories";
import { ensureSettings, issuedInvoice, line } from "../support/invoices";
import { actAs, nextHeadersMock } from "../support/request-context";

const jar = async () => nextHeadersMock.cookies();
const cookieValue = async () => (await jar()).get(SESSION_COOKIE)?.value;
/** Puts a copied cookie back, as someone who kept it would. */
const present = async (value: string) => {
  await actAs(null);
  (await jar()).set(SESSION_COOKIE, value);
};
/** Signs in through the login form, as a browser does, and returns the session cookie it got. */
async function signIn(email: string): Promise<string> {
  await actAs(null);
  await redirectOf(login(undefined, form({ email, password: TEST_PASSWORD })));
  const value = await cookieValue();
  if (!value) throw new Error("no session cookie after signing in");
  return value;
}
const pdfParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
});

afterAll(async () => {
  await getPdfPool().close();
});

describe("signing in starts a session on the server", () => {
  it("stores only a hash of the session id, never the id itself", async () => {
    const staff = await createUser({ role: "staff" });
    const cookie = await signIn(staff.email);
    const { sid } = readSessionToken(cookie, process.env.AUTH_SECRET!, SESSION_COOKIE)!;
    const rows = await getDb().select().from(sessions).where(eq(sessions.userId, staff.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashSessionId(sid));
    expect(JSON.stringify(rows)).not.toContain(sid);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id, sessionId: rows[0]!.id });
  });
});

describe("signing out ends the session on the server", () => {
  it("a copy of the cookie kept after sign-out opens nothing: not the portal, not a PDF", async () => {
    const alice = await createClientUser("Alice Sessions");
    const staff = await createUser({ role: "staff" });
    const invoice = await issuedInvoice({ id: staff.id, role: "staff" }, alice.clientId, [line("Work", 1000, 100_00)]);
    const kept = await signIn(alice.user.email);
    expect((await invoicePdf(new Request(`http://localhost:3000/api/invoices/${invoice.id}/pdf`), pdfParams(invoice.id))).status).toBe(200);

    await redirectOf(logout(undefined, {}));
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, alice.user.id))).toHaveLength(0);

    await present(kept);
    expect(await getCurrentUser()).toBeNull();
    expect((await invoicePdf(new Request(`http://localhost:3000/api/invoices/${invoice.id}/pdf`), pdfParams(invoice.id))).status).toBe(404);
  });

  it("ends only that browser's session: the same person elsewhere stays signed in", async () => {
    const staff = await createUser({ role: "staff" });
    const laptop = await signIn(staff.email);
    const phone = await signIn(staff.email);
    await present(laptop);
    await redirectOf(logout(undefined, {}));
    await present(phone);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
    await present(laptop);
    expect(await getCurrentUser()).toBeNull();
  });

  it("an expired session is signed out even though its cookie is still within its own expiry", async () => {
    const staff = await createUser({ role: "staff" });
    const cookie = await signIn(staff.email);
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, staff.id));
    await present(cookie);
    expect(await getCurrentUser()).toBeNull();
  });

  // The session read is a prepared statement, whose values reach mysql2 without drizzle's encoders:
  // an instant written in the wrong zone would be hours off, in one direction or the other.
  it("compares the expiry as an instant: two hours before it the session holds, two hours after it doesn't", async () => {
    const staff = await createUser({ role: "staff" });
    const cookie = await signIn(staff.email);
    const expireIn = (ms: number) =>
      getDb()
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() + ms) })
        .where(eq(sessions.userId, staff.id));
    await expireIn(2 * 3600_000);
    await present(cookie);
    expect((await getCurrentUser())?.id).toBe(staff.id);
    await expireIn(-2 * 3600_000);
    await present(cookie);
    expect(await getCurrentUser()).toBeNull();
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the person, this one too, and writes an audit row", async () => {
    const admin = await createUser({ role: "admin" });
    const [a, b, c] = [await signIn(admin.email), await signIn(admin.email), await signIn(admin.email)];
    const other = await createUser({ role: "staff" });
    const othersCookie = await signIn(other.email);

    await present(b);
    expect(await signOutEverywhere(undefined, {})).toMatchObject({ ok: true, data: { ended: 3 } });
    for (const cookie of [a, b, c]) {
      await present(cookie);
      expect(await getCurrentUser()).toBeNull();
    }
    await present(othersCookie);
    expect(await getCurrentUser()).toMatchObject({ id: other.id });
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.sign_out_everywhere"));
    expect(audit).toMatchObject({ actorUserId: admin.id, after: { sessionsEnded: 3 } });
  });

  it("needs a live session: a kept cookie can't use it", async () => {
    const staff = await createUser({ role: "staff" });
    const cookie = await signIn(staff.email);
    await redirectOf(logout(undefined, {}));
    await present(cookie);
    expect(await signOutEverywhere(undefined, {})).toMatchObject({ ok: false, formError: expect.stringContaining("session has ended") });
  });
});

describe("signing one device out", () => {
  it("ends the chosen session of the person's own, and no one else's", async () => {
    const staff = await createUser({ role: "staff" });
    const laptop = await signIn(staff.email);
    const phone = await signIn(staff.email);
    const victim = await createUser({ role: "admin" });
    await signIn(victim.email);
    const [victimSession] = await getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, victim.id));
    const rows = await getDb().select({ id: sessions.id, tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, staff.id));
    const phoneRow = rows.find((r) => r.tokenHash === hashSessionId(readSessionToken(phone, process.env.AUTH_SECRET!, SESSION_COOKIE)!.sid))!;

    await present(laptop);
    expect(await signOutDevice(undefined, { sessionId: victimSession!.id })).toMatchObject({ ok: false, formError: "That session was not found." });
    expect(await getDb().select().from(sessions).where(eq(sessions.id, victimSession!.id))).toHaveLength(1);

    expect(await signOutDevice(undefined, { sessionId: phoneRow.id })).toMatchObject({ ok: true });
    await present(phone);
    expect(await getCurrentUser()).toBeNull();
    await present(laptop);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
  });
});

describe("sessions slide with activity", () => {
  const requestWith = (cookie: string) => new NextRequest("http://localhost:3000/staff", { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });

  it("renews an hour-old cookie and its row, so an active session outlives 7 days from sign-in", async () => {
    const staff = await createUser({ role: "staff" });
    const cookie = await signIn(staff.email);
    const first = readSessionToken(cookie, process.env.AUTH_SECRET!, SESSION_COOKIE)!;
    const [before] = await getDb().select().from(sessions).where(eq(sessions.userId, staff.id));

    // Soon after sign-in nothing is written.
    const early = NextResponse.next();
    expect(await renewSessionCookie(requestWith(cookie), early)).toBe(false);
    expect(early.cookies.get(SESSION_COOKIE)).toBeUndefined();

    // Six days on (the clock moved, Auth.js's encode reads it too), a request renews both.
    const later = Date.now() + 6 * 24 * 3600 * 1000;
    const clock = jest.spyOn(Date, "now").mockReturnValue(later);
    const response = NextResponse.next();
    const renewedNow = await renewSessionCookie(requestWith(cookie), response);
    clock.mockRestore();
    expect(renewedNow).toBe(true);
    const renewed = response.cookies.get(SESSION_COOKIE)!;
    expect(renewed.httpOnly).toBe(true);
    expect(renewed.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    const next = readSessionToken(renewed.value, process.env.AUTH_SECRET!, SESSION_COOKIE)!;
    expect(next).toMatchObject({ uid: staff.id, sid: first.sid, sv: first.sv });
    expect(next.exp).toBeGreaterThan(first.exp);
    const [after] = await getDb().select().from(sessions).where(eq(sessions.userId, staff.id));
    expect(after!.expiresAt.getTime()).toBeGreaterThan(before!.expiresAt.getTime() + 5 * 24 * 3600 * 1000);

    // The renewed cookie is a working session.
    await present(renewed.value);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
  });

  it("stops at 30 days from sign-in however busy: a 31-day-old session is refused, a 29-day-old one renews", async () => {
    const signedInDaysAgo = async (days: number) => {
      const staff = await createUser({ role: "staff" });
      const cookie = await signIn(staff.email);
      await getDb()
        .update(sessions)
        .set({ createdAt: new Date(Date.now() - days * 24 * 3600 * 1000) })
        .where(eq(sessions.userId, staff.id));
      return { staff, cookie };
    };
    // Two hours on, so the cookie is old enough to renew; the row's idle expiry is still days away for both.
    const later = Date.now() + 2 * 3600 * 1000;

    const old = await signedInDaysAgo(31);
    const refused = NextResponse.next();
    expect(await renewSessionCookie(requestWith(old.cookie), refused, later)).toBe(false);
    expect(refused.cookies.get(SESSION_COOKIE)).toBeUndefined();
    await present(old.cookie);
    expect(await getCurrentUser()).toBeNull();

    const recent = await signedInDaysAgo(29);
    const renewed = NextResponse.next();
    expect(await renewSessionCookie(requestWith(recent.cookie), renewed, later)).toBe(true);
    expect(renewed.cookies.get(SESSION_COOKIE)?.value).toBeTruthy();
    await present(recent.cookie);
    expect(await getCurrentUser()).toMatchObject({ id: recent.staff.id });
  });

  it("never renews a session that was signed out", async () => {
    const staff = await createUser({ role: "staff" });
    const cookie = await signIn(staff.email);
    await redirectOf(logout(undefined, {}));
    const response = NextResponse.next();
    expect(await renewSessionCookie(requestWith(cookie), response, Date.now() + 2 * 3600 * 1000)).toBe(false);
    expect(response.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });
});
