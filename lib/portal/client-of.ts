import "server-only";
import { getClientForUser } from "@/db/queries/portal";
import { NotFoundError } from "@/lib/errors";

/**
 * The client record of the signed-in portal user, for server actions (pages
 * use requireClientScope). The id comes from the session's user, never from
 * the request; a client user without a record finds nothing.
 */
export async function clientIdOf(user: { id: number }): Promise<number> {
  const client = await getClientForUser(user.id);
  if (!client) throw new NotFoundError("Your client account");
  return client.id;
}
