import { takeCspViolations } from "./browser";
import { scaledMs } from "./load";

if (!process.env.E2E_BASE_URL) {
  throw new Error("End-to-end tests need a running app (E2E_BASE_URL). Run them through `npm test`.");
}

// jest ignores testTimeout inside a project when it runs several, so it is set here.
jest.setTimeout(scaledMs(90_000));

// No page may break its Content-Security-Policy: whatever any page of any test
// reported fails that test (afterEach), or the file when it came late (afterAll).
function failOnCspViolations() {
  const violations = takeCspViolations();
  if (violations.length) {
    throw new Error(`Content-Security-Policy violations:\n${violations.map((v) => `  ${v.page}: ${v.report}`).join("\n")}`);
  }
}
afterEach(failOnCspViolations);
afterAll(failOnCspViolations);
