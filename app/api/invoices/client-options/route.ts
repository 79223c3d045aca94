import { clientOptions } from "@/db/queries/clients";
import { userWithPermission } from "@/lib/auth/session";
import { notFoundResponse } from "@/lib/http/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Clients whose name starts with ?q=, for the invoice form's client picker. */
export async function GET(request: Request) {
  if (!(await userWithPermission("invoices:write"))) return notFoundResponse();
  const rows = await clientOptions(new URL(request.url).searchParams.get("q") ?? "");
  return Response.json({ clients: rows }, { headers: { "cache-control": "private, no-store" } });
}
