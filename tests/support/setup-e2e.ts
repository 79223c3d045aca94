if (!process.env.E2E_BASE_URL) {
  throw new Error("End-to-end tests need a running app (E2E_BASE_URL). Run them through `npm test`.");
}

// jest ignores testTimeout inside a project when it runs several, so it is set here.
jest.setTimeout(90_000);
