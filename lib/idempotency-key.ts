/**
 * 128 random bits as 32 hex characters, for a form's idempotency key. Uses
 * getRandomValues, which (unlike randomUUID) also works on plain-http origins.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
