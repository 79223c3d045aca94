import "server-only";
import { notFound } from "next/navigation";
import { getClientForUser } from "@/db/queries/portal";
import type { CurrentUser } from "./session";
import { requirePagePermission } from "./session";

export type ClientScope = { user: CurrentUser; clientId: number; clientName: string };

/**
 * The signed-in client and its clients row. Portal pages and actions take the
 * client id only from here, never from the request.
 */
export async function requireClientScope(): Promise<ClientScope> {
  const user = await requirePagePermission("portal:use");
  const client = await getClientForUser(user.id);
  if (!client) notFound();
  return { user, clientId: client.id, clientName: client.name };
}
