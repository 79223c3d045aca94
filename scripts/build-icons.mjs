#!/usr/bin/env node
// Renders public/icon.svg into the PNG icons and favicon.ico that browsers,
// phones and the web manifest ask for, in Debian's Chromium. Run it after
// changing the SVG: `node scripts/build-icons.mjs`. The outputs are committed.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { findChromium } from "./lib/system.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const svg = readFileSync(path.join(root, "public", "icon.svg"), "utf8");

const browser = await chromium.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu"] });
async function png(size, { padding = 0, background = "transparent" } = {}) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * padding;
  await page.setContent(
    `<body style="margin:0;background:${background}"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" style="display:block;margin:${padding}px;width:${inner}px;height:${inner}px"></body>`,
  );
  const buffer = await page.screenshot({ omitBackground: background === "transparent" });
  await page.close();
  return buffer;
}

const out = (name, data) => writeFileSync(path.join(root, "public", name), data);
out("icon-192.png", await png(192));
out("icon-512.png", await png(512));
// A maskable icon keeps its mark inside the safe zone (the middle 80 %).
out("icon-maskable-512.png", await png(512, { padding: 52, background: "#1450d2" }));
out("apple-touch-icon.png", await png(180, { padding: 18, background: "#1450d2" }));

// favicon.ico: an ICO directory with PNG images inside (supported by every current browser).
const images = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size) })));
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, data }, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4);
  header.writeUInt16LE(32, entry + 6);
  header.writeUInt32LE(data.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += data.length;
});
out("favicon.ico", Buffer.concat([header, ...images.map((i) => i.data)]));
await browser.close();
console.log("public/: favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png, icon-maskable-512.png");
