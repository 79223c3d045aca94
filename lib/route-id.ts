import { notFound } from "next/navigation";
import { readWholeNumber } from "@/lib/validation/fields";

/** A record id from a dynamic route segment, written as digits the way we link to it ("007" and "0x7" are not 7); anything else is a 404. */
export function routeId(segment: string): number {
  const id = readWholeNumber(segment);
  if (!id) notFound();
  return id;
}
