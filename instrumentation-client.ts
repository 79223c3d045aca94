import { config } from "zod/v4/core";

// The Content-Security-Policy has no 'unsafe-eval' (lib/http/security-headers.mjs),
// so zod must neither compile its parsers with new Function nor probe whether
// it may: Chromium reports even a caught probe as a violation. This runs
// before hydration, so before the browser builds any schema.
config({ jitless: true });
