import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The document's face, "Invoice Sans". Liberation Sans (metric-compatible
// with Arial, installed with Debian's Chromium) is used when present: a plain
// TrueType face prints fastest and embeds as a small subset. Where it isn't,
// Geist (SIL OFL, the variable font Next.js ships) is inlined as a data: URL,
// so printing never fetches a font either way.
const GEIST = path.join(process.cwd(), "node_modules", "next", "dist", "next-devtools", "server", "font", "geist-latin.woff2");

let cached: string | undefined;

export function embeddedFontCss(): string {
  if (cached !== undefined) return cached;
  const geist = existsSync(GEIST) ? `,url(data:font/woff2;base64,${readFileSync(GEIST).toString("base64")}) format("woff2")` : "";
  const face = (weight: number, locals: string[]) =>
    `@font-face{font-family:"Invoice Sans";font-style:normal;font-weight:${weight};font-display:block;src:${locals.map((l) => `local("${l}")`).join(",")}${geist}}`;
  cached = face(400, ["Liberation Sans", "LiberationSans", "Arimo", "Arial"]) + face(700, ["Liberation Sans Bold", "LiberationSans-Bold", "Arimo Bold", "Arial Bold"]);
  return cached;
}
