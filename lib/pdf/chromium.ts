import "server-only";
import type { Browser } from "puppeteer-core";

// Chromium flags that work offline on Debian: nothing phones home.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--disable-extensions",
  "--mute-audio",
];

/** Puppeteer is loaded with the first launch: most requests and test files print no PDF. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}
