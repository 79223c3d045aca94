import { closeDb } from "@/db";

if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need DATABASE_URL. Run them through `npm test` (or `npm run test:integration`), which starts a test database.");
}

jest.mock("next/headers", () => jest.requireActual("./request-context").nextHeadersMock);

afterAll(async () => {
  await closeDb();
});
