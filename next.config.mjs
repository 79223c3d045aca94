import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { buildCurrencyTable } from "./lib/currency-table.mjs";
import { parseEnv } from "./lib/env-schema.mjs";
import { buildPhoneRegionTable } from "./lib/phone-region-table.mjs";
import { SECRET_URL_PATHS, STATIC_CONTENT_SECURITY_POLICY, STATIC_POLICY_SOURCE, isHttps, responseSecurityHeaders } from "./lib/http/security-headers.mjs";

/** A file's address with a version from what it is built from, so browsers keep it for a year and a deploy that changes it is fetched anew. */
function versioned(path, ...sources) {
  const hash = createHash("sha256");
  for (const source of sources) hash.update(source);
  return `${path}?v=${hash.digest("hex").slice(0, 12)}`;
}
const read = (file) => readFileSync(new URL(file, import.meta.url));

/** The icon sprite's address (app/icons.svg/route.ts): the icon list and lucide's release. */
const iconSpriteUrl = () => versioned("/icons.svg", read("./components/ui/icon-sprite.ts"), JSON.parse(read("./node_modules/lucide-react/package.json").toString()).version);
/** The invoice document's stylesheet (app/invoice-document.css/route.ts). */
const invoiceCssUrl = () => versioned("/invoice-document.css", read("./documents/invoice-document-css.ts"));

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  // A bad environment fails `next build`, `next start` and `next dev` at once,
  // with one message listing every problem, instead of at the first request.
  const checked = [PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER].includes(phase) ? parseEnv() : undefined;
  return {
    // npm test builds into its own folder so a running `npm run up` is untouched.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    reactStrictMode: true,
    poweredByHeader: false,
    allowedDevOrigins: ["127.0.0.1"],
    // The server's currencies and minor digits, built into both bundles so the
    // browser reads amounts with the server's digits, not its own Intl's (lib/currencies.ts).
    // The versioned addresses of the icon sprite (components/ui/icon.tsx) and the invoice document's CSS likewise,
    // and the phone field's countries, so it draws without the phone metadata (lib/phone-regions.ts).
    env: {
      CLIENTDESK_CURRENCY_TABLE: JSON.stringify(buildCurrencyTable()),
      CLIENTDESK_ICON_SPRITE: iconSpriteUrl(),
      CLIENTDESK_INVOICE_CSS: invoiceCssUrl(),
      CLIENTDESK_PHONE_REGIONS: JSON.stringify(buildPhoneRegionTable()),
    },
    serverExternalPackages: ["puppeteer-core", "mysql2", "@node-rs/argon2", "twilio", "rate-limiter-flexible"],
    // lucide-react too, so that Jest (next/jest follows this list) compiles the ES modules
    // the icon sprite reads each icon's drawing from (components/ui/icon-sprite.ts).
    transpilePackages: ["next-auth", "@auth/core", "jose", "oauth4webapi", "lucide-react"],
    // Every response: pages, API routes, PDFs and files. A static CSP on all but
    // the inline PDF, which proxy.ts replaces on each page with its nonce policy.
    async headers() {
      const https = isHttps(checked?.APP_URL ?? "");
      return [
        { source: "/:path*", headers: responseSecurityHeaders({ https }) },
        { source: STATIC_POLICY_SOURCE, headers: [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }] },
        ...SECRET_URL_PATHS.map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
      ];
    },
    // npm test type-checks these files itself before its build (scripts/test.mjs),
    // so its build skips the second pass; `npm run build` always checks.
    typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPECHECK === "off" },
    experimental: {
      optimizePackageImports: ["lucide-react", "@tremor/react"],
      // A build in a fresh CI clone is thrown away after the run: writing
      // Turbopack's cache for a next build that never comes is time lost.
      ...(process.env.NEXT_BUILD_CACHE === "off" ? { turbopackFileSystemCacheForBuild: false } : {}),
    },
  };
}
