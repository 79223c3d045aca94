// The caller's address, as server.mjs resolved it from the socket and the
// trusted proxies (lib/client-address.mjs) and wrote into X-Forwarded-For,
// with a per-process marker header that no client can know. Under anything
// else (`next dev` without server.mjs, `next start` by hand, tests) the
// header is whatever arrived, so a production process says so once.
const MARKER_HEADER = "x-clientdesk-address";
// On globalThis: each server bundle has its own copy of this module, and one warning per process is enough.
const flags = globalThis as { __clientdeskAddressMarker?: string; __clientdeskAddressWarned?: boolean };

export function ipFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const marker = flags.__clientdeskAddressMarker;
  if (!marker || headers.get(MARKER_HEADER) !== marker) {
    if (process.env.NODE_ENV === "production" && !flags.__clientdeskAddressWarned) {
      flags.__clientdeskAddressWarned = true;
      console.warn("[security] This process was not started by server.mjs (npm start), so client addresses come from X-Forwarded-For as sent and can be forged. Start ClientDesk with `npm start`.");
    }
  }
  return (forwarded || "unknown").slice(0, 45);
}
