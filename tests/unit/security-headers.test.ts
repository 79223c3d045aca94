/** @jest-environment node */
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
// Next.js's own reading of a policy's nonce, the one it puts on its scripts.
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import nextConfig from "@/next.config.mjs";
import { config as proxyConfig, proxy } from "@/proxy";
import { contentSecurityPolicy, createNonce, pageSecurityHeaders, STATIC_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers.mjs";

const SECRET = "unit-secret-unit-secret-unit-secret-0123456789";

beforeAll(() => {
  process.env.DATABASE_URL = "mysql://root@127.0.0.1:3306/clientdesk";
  process.env.AUTH_SECRET = SECRET;
});

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));

describe("a page's Content-Security-Policy", () => {
  it("is strict in production: scripts only by this nonce or loaded by one, and nothing may frame the page", () => {
    expect(contentSecurityPolicy({ nonce: "bm9uY2U=", https: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("allows eval only under next dev, and upgrades insecure requests only over https", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "bm9uY2U=", https: false, dev: true }));
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: "bm9uY2U=", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("carries a fresh nonce each time, in the form Next.js reads and puts on its own scripts", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      expect(getScriptNonceFromHeader(contentSecurityPolicy({ nonce, https: false }))).toBe(nonce);
    }
  });

  it("comes with HSTS only when the app is served over https", () => {
    expect(Object.keys(pageSecurityHeaders({ nonce: "bm9uY2U=", https: false }))).toEqual(["Content-Security-Policy"]);
    expect(pageSecurityHeaders({ nonce: "bm9uY2U=", https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("the headers on every response (next.config.mjs)", () => {
  const env = process.env;
  afterEach(() => {
    process.env = env;
  });

  async function headersFor(path: string, appUrl = "http://localhost:3000") {
    process.env = { ...env, APP_URL: appUrl };
    const response = await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${path}`, nextConfig: nextConfig(PHASE_PRODUCTION_BUILD) });
    return response.headers;
  }

  it.each(["/login", "/admin/invoices/3", "/api/invoices/3/pdf", "/api/invoices/summary", "/_next/static/chunks/main.js", "/favicon.ico"])(
    "puts nosniff, a referrer policy, a permissions policy and framing rules on %s",
    async (path) => {
      const headers = await headersFor(path);
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(headers.get("permissions-policy")).toMatch(/(^|, )camera=\(\)/);
      for (const feature of ["microphone", "geolocation", "payment", "usb"]) expect(headers.get("permissions-policy")).toContain(`${feature}=()`);
      expect(headers.get("strict-transport-security")).toBeNull();
    },
  );

  it("sends HSTS on everything when APP_URL is https", async () => {
    for (const path of ["/login", "/api/invoices/3/pdf", "/_next/static/chunks/main.js"]) {
      expect((await headersFor(path, "https://billing.example.com")).get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    }
  });

  it.each(["/i/3q2-7w_token", "/invites/accept/tok", "/invites/tok/approve", "/reset-password/tok", "/signup/confirm/tok", "/confirm-email/tok"])(
    "sends no Referer at all from %s, whose URL is a credential",
    async (path) => {
      expect((await headersFor(path)).get("referrer-policy")).toBe("no-referrer");
    },
  );
});

describe("the policy of what proxy.ts doesn't answer (next.config.mjs)", () => {
  const policyOn = async (path: string) =>
    (await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${path}`, nextConfig: nextConfig(PHASE_PRODUCTION_BUILD) })).headers.get("content-security-policy");

  it("runs no script and can't be framed, while the 404 page and Auth.js's sign-out page keep their styles and form", () => {
    const policy = directives(STATIC_CONTENT_SECURITY_POLICY);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  // Next.js's HTML 404 for an unknown API route or file, Auth.js's own page, API answers and files.
  it.each(["/api/nope", "/x.png", "/api/auth/signout", "/api/invoices/summary", "/api/payments/3/receipt", "/api/invoices/3/pdf/extra", "/_next/static/chunks/main.js", "/icons.svg"])(
    "is on %s",
    async (path) => {
      expect(await policyOn(path)).toBe(STATIC_CONTENT_SECURITY_POLICY);
    },
  );

  // Pages get it too, and proxy.ts's nonce policy replaces it: Next.js sets these headers first, then the proxy's response headers.
  it.each(["/", "/login", "/admin/invoices/3", "/i/3q2-7w_token"])("is replaced on the page %s by the proxy's policy", async (path) => {
    expect(await policyOn(path)).toBe(STATIC_CONTENT_SECURITY_POLICY);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path })).toBe(true);
    const fromProxy = (await proxy(new NextRequest(`http://localhost:3000${path}`))).headers.get("content-security-policy")!;
    expect(getScriptNonceFromHeader(fromProxy)).toBeTruthy();
  });

  it("leaves the inline invoice PDF alone: Chrome's viewer draws nothing under default-src 'none'", async () => {
    expect(await policyOn("/api/invoices/3/pdf")).toBeNull();
    expect(await policyOn("/api/invoices/3/pdf?download=1")).toBeNull();
  });
});

describe("proxy.ts", () => {
  const matches = (url: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url });

  it("runs before every page, and never before API routes or static files", () => {
    for (const url of ["/", "/login", "/signup", "/i/3q2-7w_token", "/admin", "/staff/invoices/4", "/portal/profile", "/forgot-password"]) {
      expect([url, matches(url)]).toEqual([url, true]);
    }
    for (const url of ["/api/invoices/3/pdf", "/api/auth/session", "/_next/static/chunks/main.js", "/_next/image?url=%2Fa.png&w=64&q=75", "/favicon.ico", "/logo.svg"]) {
      expect([url, matches(url)]).toEqual([url, false]);
    }
    // The redirect still covers every path in the role areas, dotted or not.
    expect(matches("/admin/report.png")).toBe(true);
  });

  it("gives a page a fresh nonce: in the response's policy, and in the request Next.js renders with", async () => {
    const nonces: string[] = [];
    for (const _ of [0, 1]) {
      const response = await proxy(new NextRequest("http://localhost:3000/login"));
      const policy = response.headers.get("content-security-policy")!;
      const nonce = getScriptNonceFromHeader(policy)!;
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("still sends anonymous visitors of a role area to /login and back, with the headers", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/admin/clients?q=ab"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/login?callbackUrl=%2Fadmin%2Fclients%3Fq%3Dab");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("lets anyone through to pages outside the role areas", async () => {
    for (const path of ["/login", "/administrator", "/i/3q2-7w_token"]) {
      expect((await proxy(new NextRequest(`http://localhost:3000${path}`))).headers.get("location")).toBeNull();
    }
  });
});
