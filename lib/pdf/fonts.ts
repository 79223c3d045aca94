import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Geist (SIL OFL), the variable font Next.js ships for its dev overlay. It is
// read once from node_modules and inlined as a data: URL, so printing never
// fetches a font and every machine prints the same glyphs. Without it the
// document falls back to the system sans-serif stack.
const FONT_DIR = path.join(process.cwd(), "node_modules", "next", "dist", "next-devtools", "server", "font");

const FACES = [
  { file: "geist-latin.woff2", range: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD" },
  { file: "geist-latin-ext.woff2", range: "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF" },
];

let cached: string | undefined;

export function embeddedFontCss(): string {
  if (cached !== undefined) return cached;
  cached = FACES.filter((face) => existsSync(path.join(FONT_DIR, face.file)))
    .map((face) => {
      const data = readFileSync(path.join(FONT_DIR, face.file)).toString("base64");
      return `@font-face{font-family:"Geist";font-style:normal;font-weight:100 900;font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${face.range}}`;
    })
    .join("");
  return cached;
}
