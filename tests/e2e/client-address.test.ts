import type { Browser } from "playwright-core";
import type { RowDataPacket } from "mysql2/promise";
import { BASE_URL, DEMO_PASSWORD, launchBrowser, newContext } from "../support/browser";
import { connectAppDb } from "../support/e2e-db";

// The client's address comes from the socket (server.mjs): a forged
// X-Forwarded-For changes neither which rate limits count a request nor the
// address written to the audit log. The app under test runs with no trusted
// proxy, as a fresh install does.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function clearAddressLimits() {
  const db = await connectAppDb();
  try {
    await db.query("DELETE FROM rate_limiter WHERE `key` LIKE 'login:%'");
  } finally {
    await db.end();
  }
}

/** One password attempt at Auth.js's own endpoint, as a script would make it: the refusal code, or "signed-in" with a session cookie. */
async function credentialsAttempt(email: string, password: string, forwardedFor: string): Promise<string | null> {
  const headers = { "x-forwarded-for": forwardedFor };
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE_URL}/staff` }),
  });
  if (res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))) return "signed-in";
  const location = res.headers.get("location") ?? "";
  // Anything else is shown whole, so a surprise says what it was.
  return new URL(location, BASE_URL).searchParams.get("code") ?? `HTTP ${res.status} ${location}`;
}

describe("the client address comes from the socket, not from X-Forwarded-For", () => {
  afterAll(clearAddressLimits);

  it("rotating X-Forwarded-For doesn't escape the per-address sign-in limit", async () => {
    await clearAddressLimits();
    for (let i = 1; i <= 20; i++) {
      const answer = await credentialsAttempt(`nobody${i}-${Date.now()}@test.example`, "Wrong-password-1", `203.0.113.${i}`);
      expect(answer).toBe("invalid");
    }
    // The right password for a real account, from yet another "address": still this socket's 21st try.
    const blocked = await credentialsAttempt("staff@example.com", DEMO_PASSWORD, "198.51.100.77");
    expect(blocked).toBe("rate_limited");
    await clearAddressLimits();
    const allowed = await credentialsAttempt("staff@example.com", DEMO_PASSWORD, "198.51.100.77");
    expect(allowed).toBe("signed-in");
  });

  it("writes the socket's address to the audit log, not the forged one", async () => {
    const context = await newContext(browser);
    await context.setExtraHTTPHeaders({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7" });
    const page = await context.newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("client3@example.com");
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await page.getByRole("status").filter({ hasText: "reset link is on its way" }).waitFor();
    await context.close();

    const db = await connectAppDb();
    try {
      const [[row]] = await db.query<RowDataPacket[]>(
        "SELECT a.ip FROM audit_log a JOIN users u ON u.id = a.entity_id WHERE a.action = 'user.password_reset_request' AND u.email = 'client3@example.com' ORDER BY a.id DESC LIMIT 1",
      );
      expect(row?.ip).toBe("127.0.0.1");
    } finally {
      await db.end();
    }
  });
});
