import type { Metadata } from "next";
import { AuditIndex } from "@/components/audit/audit-index";
import { parseAuditParams } from "@/lib/validation/audit";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read");
  return <AuditIndex params={parseAuditParams(await searchParams)} />;
}
