import { and, asc, isNull, like } from "drizzle-orm";
import { getDb } from "@/db";
import { clients } from "@/db/schema";
import { userWithPermission } from "@/lib/auth/session";
import { notFoundResponse } from "@/lib/pdf/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Clients whose name starts with ?q=, for the invoice form's client picker (index prefix scan, 20 at most). */
export async function GET(request: Request) {
  if (!(await userWithPermission("invoices:write"))) return notFoundResponse();
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const prefix = `${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const rows = await getDb()
    .select({ id: clients.id, name: clients.name, email: clients.email, company: clients.company, currency: clients.currency })
    .from(clients)
    .where(and(isNull(clients.archivedAt), like(clients.name, prefix)))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(20);
  return Response.json({ clients: rows }, { headers: { "cache-control": "private, no-store" } });
}
