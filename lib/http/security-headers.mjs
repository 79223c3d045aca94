// The security headers. next.config.mjs puts responseSecurityHeaders() on
// every response (pages, API routes, PDFs, files), and a static
// Content-Security-Policy that proxy.ts replaces on each page with one
// carrying a fresh nonce; proxy.ts adds HSTS from the running server's
// APP_URL too. Plain JS, like env-schema.mjs, so next.config.mjs can import it.
import { randomBytes } from "node:crypto";

/** @typedef {{ key: string, value: string }} Header */

const HSTS = "max-age=63072000; includeSubDomains";

// Features the app never uses, switched off for it and for anything it might
// ever embed. Left at their defaults (this origin only): clipboard-write
// (copying an invoice link) and publickey-credentials-* (for passkeys).
// Only names Chromium knows: it logs a warning for an unknown one on every
// page (it knows no "bluetooth", for one).
const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * Pages whose URL is a credential (invoice links, invite, reset and sign-up
 * links): no Referer at all, not even to this origin's own files and logs.
 * Everywhere else strict-origin-when-cross-origin already sends other origins
 * the origin only, never the path.
 */
export const SECRET_URL_PATHS = ["/i/:token", "/invites/:path*", "/reset-password/:token", "/signup/confirm/:token", "/confirm-email/:token"];

/** True when APP_URL is https: HSTS and upgrade-insecure-requests are sent then. */
export function isHttps(/** @type {string} */ appUrl) {
  return /^https:/i.test(appUrl);
}

/** A fresh nonce: 128 random bits in base64, the form Next.js reads from 'nonce-…'. */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * One page's policy. Scripts run only with this response's nonce, or when a
 * script that had it loads them ('strict-dynamic': Next.js's chunks); 'self'
 * is only for browsers older than CSP 3, which ignore 'strict-dynamic'.
 *
 * Styles allow 'unsafe-inline' and carry no nonce, on purpose: Tremor and
 * Recharts draw with style="" attributes, Radix's scroll lock and the invoice
 * document add <style> elements, and a nonce in style-src would turn
 * 'unsafe-inline' off for all of them. CSS can't run code; scripts stay
 * nonce-only.
 *
 * @param {{ nonce: string, https: boolean, dev?: boolean }} options
 *   dev: `next dev`, where React uses eval() for its debugging information.
 */
export function contentSecurityPolicy({ nonce, https, dev = false }) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: for logos (settings hold inline SVG or data: URLs) and the checkbox ticks in globals.css.
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The policy of every response that proxy.ts doesn't give its own: API
 * routes and files, and the HTML they can still answer with (Next.js's 404
 * page for /api/nope or /x.png, Auth.js's sign-out page at GET
 * /api/auth/signout). No nonce reaches them, so no script may run; what they
 * need to look right stays: the stylesheet, inline styles (Auth.js's page is
 * one <style>), images, the web app manifest, and the sign-out page's form
 * posting to this origin.
 *
 * On pages the proxy's policy takes its place: Next.js sets next.config.mjs's
 * headers first and then the proxy's response headers over them, so a page
 * is sent one policy, the proxy's.
 */
export const STATIC_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Where next.config.mjs sends the static policy: everywhere but the invoice
 * PDF, which browsers show inline. Chrome draws an inline PDF in a page of
 * its own under the PDF's policy, and default-src 'none' leaves it blank
 * (crbug.com/271452); X-Frame-Options still keeps the PDF out of frames. A
 * route handler can't replace a header next.config.mjs set, so the PDF is
 * left out here rather than given its own policy there.
 */
export const STATIC_POLICY_SOURCE = "/:path((?!api/invoices/[^/]+/pdf$).*)";

/**
 * The headers proxy.ts puts on a page: its policy, and HSTS when the running
 * server's APP_URL is https.
 *
 * @param {{ nonce: string, https: boolean, dev?: boolean }} options
 * @returns {{ "Content-Security-Policy": string, "Strict-Transport-Security"?: string }}
 */
export function pageSecurityHeaders(options) {
  const csp = { "Content-Security-Policy": contentSecurityPolicy(options) };
  return options.https ? { ...csp, "Strict-Transport-Security": HSTS } : csp;
}

/**
 * The headers on every response, set by next.config.mjs. X-Frame-Options is
 * for browsers that predate frame-ancestors. HSTS here follows the APP_URL
 * that `next build` saw, since Next.js compiles these into the build;
 * pages get it from the running server through pageSecurityHeaders().
 *
 * @param {{ https: boolean }} options
 * @returns {Header[]}
 */
export function responseSecurityHeaders({ https }) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (https) headers.push({ key: "Strict-Transport-Security", value: HSTS });
  return headers;
}
