import "server-only";
import type { Db } from "@/db";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { endAllSessions, endSessionOf } from "@/lib/auth/sessions";
import { NotFoundError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { cancelEmailChanges } from "./email-change";

/** "Sign out everywhere": ends every session of the person, this browser's too, and voids a pending email change. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<{ ended: number }> {
  return inTransaction(db, async (tx) => {
    const ended = await endAllSessions(tx, actor.id);
    await cancelEmailChanges(tx, actor.id);
    await writeAudit(tx, { actor: auditActor(actor), action: "user.sign_out_everywhere", entityType: "user", entityId: actor.id, after: { sessionsEnded: ended }, ip: actor.ip });
    return { ended };
  });
}

/** Signs one of the person's own devices out; another person's session id is "not found". */
export async function signOutDevice(db: Db, actor: Actor, sessionId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (!(await endSessionOf(tx, actor.id, sessionId))) throw new NotFoundError("That session");
    await writeAudit(tx, { actor: auditActor(actor), action: "user.sign_out_device", entityType: "user", entityId: actor.id, after: { sessionId }, ip: actor.ip });
  });
}
