if (!process.env.E2E_BASE_URL) {
  throw new Error("End-to-end tests need a running app (E2E_BASE_URL). Run them through `npm test`.");
}
