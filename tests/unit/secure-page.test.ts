import type { Response } from "playwright-core";
import { securePageProblems } from "../support/secure-page";

// The checks the accessibility crawl runs on every page load
// (tests/support/secure-page.ts) must be able to fail: each broken header,
// a script without the nonce, and a nonce that comes twice.

const NONCE = "AAAAAAAAAAAAAAAAAAAAAA==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'`;
const GOOD = {
  "content-security-policy": POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "accelerometer=(), camera=(), microphone=()",
};
const HTML = `<html><head><script nonce="${NONCE}" src="/_next/a.js"></script></head><body><script nonce="${NONCE}">1</script></body></html>`;

function response(headers: Record<string, string | undefined>, html = HTML): Response {
  return { headers: () => Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)), text: async () => html } as unknown as Response;
}

describe("securePageProblems", () => {
  it("passes a page with the policy, the headers and the nonce on every script", async () => {
    expect(await securePageProblems(response(GOOD), new Set())).toEqual([]);
  });

  it("names each broken header, and an unsafe or upgrading policy", async () => {
    const problems = await securePageProblems(
      response({
        ...GOOD,
        "content-security-policy": POLICY.replace("object-src 'none'", "object-src *").replace("default-src 'self'", "default-src 'self' 'unsafe-eval'") + "; upgrade-insecure-requests",
        "x-frame-options": "SAMEORIGIN",
        "x-content-type-options": undefined,
        "referrer-policy": "unsafe-url",
        "strict-transport-security": "max-age=31536000",
      }),
      new Set(),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "its policy lacks object-src 'none'",
        expect.stringMatching(/^its policy allows unsafe scripts/),
        'x-frame-options is "SAMEORIGIN"',
        'x-content-type-options is ""',
        'referrer-policy is "unsafe-url"',
        "it sends Strict-Transport-Security over http",
        "its policy upgrades requests over http",
      ]),
    );
  });

  it("refuses a policy without a nonce, a script without it, a page without scripts, and a nonce seen before", async () => {
    expect(await securePageProblems(response({ ...GOOD, "content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'" }), new Set())).toEqual([
      expect.stringMatching(/^no script-src with a nonce/),
    ]);
    expect(await securePageProblems(response(GOOD, HTML.replace("<body>", "<body><script>alert(1)</script>")), new Set())).toEqual([
      expect.stringMatching(/^1 script\(s\) without this response's nonce: <script>/),
    ]);
    expect(await securePageProblems(response(GOOD, "<html><body>no scripts</body></html>"), new Set())).toEqual(["its HTML has no script at all"]);
    const seen = new Set<string>();
    expect(await securePageProblems(response(GOOD), seen)).toEqual([]);
    expect(await securePageProblems(response(GOOD), seen)).toEqual([`the nonce ${NONCE} came before, on another load`]);
  });
});
