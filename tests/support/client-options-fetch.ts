/**
 * The invoice editor's client field, once it has the cursor (the first field to
 * fix when no client is chosen), asks the server for its options after a short
 * pause (components/invoices/client-picker.tsx). jsdom has no fetch: on a slow
 * machine that pause ended before the test did, and the missing fetch failed
 * it. Call at the top of a test file: the field gets an empty list.
 */
export function stubClientOptionsFetch(): void {
  beforeAll(() => {
    Object.defineProperty(globalThis, "fetch", { configurable: true, value: jest.fn(async () => ({ ok: true, json: async () => ({ clients: [] }) })) });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, "fetch");
  });
}
