import "server-only";
import { readFileSync } from "node:fs";
import { env } from "@/lib/env";

// The app's clock for calendar days: what "today" is for the business, its
// due dates and overdue, billing and the daily schedule.
//
// In production it is the machine's clock. The end-to-end tests need another
// day without touching the machine's clock or the code under test, so when
// TEST_CLOCK_FILE names a file, its {"offsetMs": n} is added to the time.
// Only the environment of the process can name that file (scripts/test.mjs
// sets it for the server it starts, nothing else does), and lib/env-schema.mjs
// refuses it on a public https APP_URL: no request can move the clock.

function testOffsetMs(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    // No file yet: the test hasn't moved the clock.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const offset = (JSON.parse(text) as { offsetMs?: unknown }).offsetMs;
  if (typeof offset !== "number" || !Number.isFinite(offset)) throw new Error(`TEST_CLOCK_FILE ${file} holds no {"offsetMs": <number>}.`);
  return offset;
}

/** The current instant: the machine's, or the test clock's when TEST_CLOCK_FILE is set. */
export function now(): Date {
  const file = env().TEST_CLOCK_FILE;
  return new Date(file ? Date.now() + testOffsetMs(file) : Date.now());
}
