import "server-only";
import { env } from "@/lib/env";

/**
 * Who passkeys are made for: the host of APP_URL (its ID) and its origin.
 * Browsers only offer a passkey back to the same site, so APP_URL must be
 * the address people use. An IP address is not a valid ID: use a host name
 * (http://localhost works for development).
 */
export function relyingParty(): { id: string; origin: string } {
  const url = new URL(env().APP_URL);
  return { id: url.hostname, origin: url.origin };
}
