import { notFound } from "next/navigation";

/** A record id from a dynamic route segment; anything else is a 404. */
export function routeId(segment: string): number {
  if (!/^\d{1,15}$/.test(segment)) notFound();
  const id = Number(segment);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
