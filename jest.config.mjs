import nextJest from "next/jest.js";
import { buildPhoneRegionTable } from "./lib/phone-region-table.mjs";

// What next.config.mjs inlines into the bundles and the tests' modules read from the
// environment instead (lib/phone-regions.ts). Jest's workers inherit it.
process.env.CLIENTDESK_PHONE_REGIONS ??= JSON.stringify(buildPhoneRegionTable());

const createJestConfig = nextJest({ dir: "./" });

export const shared = {
  // Jest's runtime, keeping each module's compiled code for the next test file (tests/support/code-cache-runtime.js).
  runtime: "<rootDir>/tests/support/code-cache-runtime.js",
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/support/server-only.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
};

// Three kinds of test, each its own project: `jest --selectProjects unit`.
//  unit:        components and pure logic, jsdom
//  integration: real MySQL (DATABASE_URL), run in band
//  e2e:         real Chromium against running apps, each jest process in band against its own app server and database
export default async function config() {
  const unit = await createJestConfig({
    ...shared,
    displayName: "unit",
    testEnvironment: "jsdom",
    testMatch: ["<rootDir>/tests/unit/**/*.test.{ts,tsx}"],
    setupFilesAfterEnv: ["<rootDir>/tests/support/setup-unit.ts"],
  })();
  const integration = await createJestConfig({
    ...shared,
    displayName: "integration",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/integration/**/*.test.{ts,tsx}"],
    setupFilesAfterEnv: ["<rootDir>/tests/support/setup-integration.ts"],
  })();
  const e2e = await createJestConfig({
    ...shared,
    displayName: "e2e",
    testEnvironment: "node",
    testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
    // In band, and with E2E_QUEUE, sharing one list of files with other jest processes (scripts/test.mjs).
    runner: "<rootDir>/tests/support/e2e-queue-runner.mjs",
    setupFilesAfterEnv: ["<rootDir>/tests/support/setup-e2e.ts"],
  })();
  return { projects: [unit, integration, e2e] };
}
