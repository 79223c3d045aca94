import type { Metadata } from "next";
import { ClientImport } from "@/components/clients/client-import";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { IntentLink } from "@/components/ui/intent-link";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import clients" };

export default async function Page() {
  await requirePagePermission("clients:import");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <IntentLink href="/admin/clients" className="underline-offset-4 hover:underline">
          Clients
        </IntentLink>
      </nav>
      <PageHeader title="Import clients" description="Check a CSV file first; nothing is written until you confirm." />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <ClientImport area="/admin" />
        </CardContent>
      </Card>
    </>
  );
}
