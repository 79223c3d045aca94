import { readWholeNumber } from "@/lib/validation/fields";

/** A record id from a route handler's dynamic segment, written the way we link to it ("007" and "0x7" are not 7), or null (answer 404). */
export function routeIdOrNull(segment: string): number | null {
  const id = readWholeNumber(segment);
  return id ? id : null;
}

/** A short plain-text answer a person can act on, never a stack. */
export function plainResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/** The one answer for "no such thing, or not yours": a route handler never says which. */
export function notFoundResponse(): Response {
  return plainResponse(404, "Not found");
}
