import { closeDb } from "@/db";
import { scaledMs } from "./load";

if (!process.env.DATABASE_URL) {
  throw new Error("Integration tests need DATABASE_URL. Run them through `npm test` (or `npm run test:integration`), which starts a test database.");
}

jest.mock("next/headers", () => jest.requireActual("./request-context").nextHeadersMock);
// enqueue() renders React Email templates; see react-email-render.ts for why Jest needs this.
jest.mock("@react-email/render", () => jest.requireActual("./react-email-render").reactEmailRenderMock);

afterAll(async () => {
  await closeDb();
});

// jest ignores testTimeout inside a project when it runs several, so it is set here.
jest.setTimeout(scaledMs(60_000));
