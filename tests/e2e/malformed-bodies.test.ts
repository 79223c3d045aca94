import { BASE_URL } from "../support/browser";

// Raw HTTP against the production build: request bodies that no browser of
// ours sends. Whatever arrives, the answer is never a stack trace or a
// driver's error, and a body we read ourselves never costs a 500.

const STACK_OR_INTERNALS = /\n\s+at |node_modules|webpack-internal|SyntaxError|TypeError|ZodError|ER_[A-Z_]+|sqlMessage|Unexpected token/;

type Probe = { status: number; body: string };

async function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Probe> {
  const res = await fetch(new URL(path, BASE_URL), { method: "POST", body, headers, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

function expectNoInternals(probe: Probe) {
  expect(probe.body).not.toMatch(STACK_OR_INTERNALS);
}

/** The login form's server action id, as the page hands it to the browser for progressive enhancement. */
async function loginActionId(): Promise<string> {
  const html = await (await fetch(new URL("/login", BASE_URL))).text();
  const id = /\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]{20,})&quot;/.exec(html)?.[1];
  if (!id) throw new Error("No server action id on /login");
  return id;
}

const multipart = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("request bodies we read ourselves", () => {
  it.each([
    ["the credentials sign-in, as broken JSON", "/api/auth/callback/credentials", "{not json", "application/json"],
    ["the code sign-in, as broken JSON", "/api/auth/callback/otp", "[", "application/json"],
    ["sign-out, as broken JSON", "/api/auth/signout", '{"csrfToken":', "application/json"],
    ["the session endpoint, as broken JSON", "/api/auth/session", "\u0000\u0001", "application/json"],
    ["the credentials sign-in, as a broken form", "/api/auth/callback/credentials", "%%%&&==&email=%ZZ", "application/x-www-form-urlencoded"],
    ["the credentials sign-in, as broken multipart", "/api/auth/callback/credentials", "garbage", "multipart/form-data; boundary=x"],
    ["an unknown auth route", "/api/auth/nowhere", "{not json", "application/json"],
  ])("%s answers 4xx or a redirect, never 500", async (_what, path, body, type) => {
    const probe = await post(path, body, { "content-type": type });
    expect(probe.status).toBeLessThan(500);
    expectNoInternals(probe);
  });

  it.each(["/api/invoices/1/pdf", "/api/invoices/summary", "/api/invoices/export", "/api/invoices/client-options", "/api/invoices/zip", "/api/clients/export", "/api/payments/1/receipt"])(
    "POST %s (a GET-only route) is refused without reading the body",
    async (path) => {
      const probe = await post(path, "{not json", { "content-type": "application/json" });
      expect(probe.status).toBe(405);
      expectNoInternals(probe);
    },
  );

  it("a page POST that is not a server action renders the page", async () => {
    const probe = await post("/login", "%%%&&==", { "content-type": "application/x-www-form-urlencoded" });
    expect(probe.status).toBe(200);
    expectNoInternals(probe);
  });
});

describe("the server-action endpoint", () => {
  let id: string;

  beforeAll(async () => {
    id = await loginActionId();
  });

  it.each([
    ["no arguments", "[]"],
    ["a null form", '["$undefined",null]'],
    ["a list for the email", '["$undefined",{"email":["a@example.com","b@example.com"],"password":"x"}]'],
    ["a NUL byte in the password", '["$undefined",{"email":"a@example.com","password":"\\u0000"}]'],
  ])("answers a well-formed payload of the wrong shape (%s) with form state", async (_what, body) => {
    const probe = await post("/login", body, { "next-action": id, "content-type": "text/plain;charset=UTF-8" });
    expect(probe.status).toBe(200);
    expect(probe.body).toMatch(/"ok":false/);
    expectNoInternals(probe);
  });

  it("answers the same payload as multipart with form state", async () => {
    const probe = await post("/login", multipart({ "0": '["$undefined",{"email":{"nested":true},"password":["a","b"]}]' }), { "next-action": id });
    expect(probe.status).toBe(200);
    expect(probe.body).toMatch(/"ok":false/);
    expectNoInternals(probe);
  });

  it.each([
    ["an unknown action id", "00ff"],
    ["an action id that is not one of ours", `${"0".repeat(42)}`],
  ])("refuses %s with 4xx", async (_what, actionId) => {
    const probe = await post("/login", "[]", { "next-action": actionId, "content-type": "text/plain;charset=UTF-8" });
    expect(probe.status).toBeGreaterThanOrEqual(400);
    expect(probe.status).toBeLessThan(500);
    expectNoInternals(probe);
  });

  // Next.js (16.4, app-render/action-handler.js) answers 500 when it can't
  // decode an action's arguments, before any code of ours runs. The answer
  // carries only an error digest, never the error: that much is checked here.
  const UNDECODABLE: [string, BodyInit, Record<string, string>][] = [
    ["broken JSON", "{not json", { "content-type": "text/plain;charset=UTF-8" }],
    ["an unterminated list", "[", { "content-type": "text/plain;charset=UTF-8" }],
    ["an empty body", "", { "content-type": "text/plain;charset=UTF-8" }],
    ["NUL bytes", "\u0000\u0000", { "content-type": "application/json" }],
    ["multipart with a broken boundary", "garbage", { "content-type": "multipart/form-data; boundary=XYZ" }],
    ["a multipart field of broken JSON", multipart({ "0": "{not json" }), {}],
    ["a body over the 1 MB limit", "a".repeat(1_100_000), { "content-type": "text/plain;charset=UTF-8" }],
  ];

  it.each(UNDECODABLE)("never shows internals for %s", async (_what, body, headers) => {
    const probe = await post("/login", body, { "next-action": id, ...headers });
    expectNoInternals(probe);
    expect(probe.body).not.toContain("not json");
  });

  // Next.js answers these with 500 by itself; proxy.ts refuses them first
  // (refuseUndecodableBody, lib/http/undecodable-body.ts).
  it.each(UNDECODABLE)("answers %s with 4xx, not 500", async (_what, body, headers) => {
    const probe = await post("/login", body, { "next-action": id, ...headers });
    expect(probe.status).toBeLessThan(500);
  });

  it("never shows internals for a reference to a part that isn't there", async () => {
    const probe = await post("/login", '["$undefined","$Q9"]', { "next-action": id, "content-type": "text/plain;charset=UTF-8" });
    expectNoInternals(probe);
  });

  // Well-formed JSON that points at a part the body doesn't have: React's
  // decoder would wait for it and fail the request; the proxy checks the references.
  it("answers a reference to a part that isn't there with 4xx, not 500", async () => {
    const probe = await post("/login", '["$undefined","$Q9"]', { "next-action": id, "content-type": "text/plain;charset=UTF-8" });
    expect(probe.status).toBeLessThan(500);
  });

  it("answers a broken multipart POST to a page (no action header) with 4xx, not 500", async () => {
    const probe = await post("/login", "garbage", { "content-type": "multipart/form-data; boundary=XYZ" });
    expect(probe.status).toBeLessThan(500);
  });
});
