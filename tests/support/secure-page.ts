import type { BrowserContext, Response } from "playwright-core";

// What every HTML page the app serves must carry, checked on the browser's
// own response to a navigation: the Content-Security-Policy with a fresh
// nonce, that nonce on every script the server sent, and the headers that
// stop sniffing, framing and referrer leaks. Used by the accessibility crawl
// (every page of every role, both widths) and tests/e2e/security-headers.test.ts.

const DIRECTIVES = ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"];
const NONCE_POLICY = /(?:^|; )script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'(?:;|$)/;

/**
 * What is wrong with one page load's headers and scripts, one line per
 * problem (none: []). `seenNonces` holds every nonce seen so far in the run:
 * a nonce that comes twice is a problem, and this one joins it.
 */
export async function securePageProblems(response: Response, seenNonces: Set<string>): Promise<string[]> {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  const problems: string[] = [];
  const nonce = NONCE_POLICY.exec(policy)?.[1];
  if (!nonce) return [`no script-src with a nonce and 'strict-dynamic' in its policy: "${policy}"`];
  for (const directive of DIRECTIVES) if (!policy.split("; ").includes(directive)) problems.push(`its policy lacks ${directive}`);
  if (/unsafe-eval|script-src[^;]*unsafe-inline/.test(policy)) problems.push(`its policy allows unsafe scripts: "${policy}"`);
  const expected: Record<string, RegExp> = {
    "x-content-type-options": /^nosniff$/,
    "x-frame-options": /^DENY$/,
    "cross-origin-opener-policy": /^same-origin$/,
    "referrer-policy": /^(strict-origin-when-cross-origin|no-referrer)$/,
    "permissions-policy": /camera=\(\), /,
  };
  for (const [name, pattern] of Object.entries(expected)) if (!pattern.test(headers[name] ?? "")) problems.push(`${name} is "${headers[name] ?? ""}"`);
  // The app under test is served over http: no HSTS, no upgrade.
  if (headers["strict-transport-security"] !== undefined) problems.push("it sends Strict-Transport-Security over http");
  if (policy.includes("upgrade-insecure-requests")) problems.push("its policy upgrades requests over http");
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  if (scripts.length === 0) problems.push("its HTML has no script at all");
  const unsigned = scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`));
  if (unsigned.length) problems.push(`${unsigned.length} script(s) without this response's nonce: ${unsigned.slice(0, 2).join(" ")}`);
  if (seenNonces.has(nonce)) problems.push(`the nonce ${nonce} came before, on another load`);
  seenNonces.add(nonce);
  return problems;
}

/** Console messages about the Permissions-Policy header: Chromium logs one for every feature it doesn't know. */
export function permissionsPolicyComplaints(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on("console", (message) => {
    if (/permissions.policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}
