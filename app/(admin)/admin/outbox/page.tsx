import type { Metadata } from "next";
import { Suspense } from "react";
import { OutboxFilters } from "@/components/outbox/outbox-filters";
import { OutboxList } from "@/components/outbox/outbox-list";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { emailConfigured, smsConfigured } from "@/lib/env";
import { requirePagePermission } from "@/lib/auth/session";
import { outboxSearchSchema } from "@/lib/validation/outbox";

export const metadata: Metadata = { title: "Outbox" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (params: SearchParams) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

// Says why codes and links show in full for captured messages (a local or demo install needs them) and masked for the rest.
function providerNote() {
  const captured = [!emailConfigured() && "emails", !smsConfigured() && "SMS"].filter(Boolean);
  if (captured.length === 0) return "Every email and SMS the app sends, with its delivery attempts. Sign-in codes and links are encrypted until sent, then removed, so they show masked.";
  return `No provider keys are set for ${captured.join(" or ")}, so those are captured here instead of sent, and their sign-in codes and links are shown in full. With a provider, they are encrypted until sent, then removed.`;
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("outbox:read");
  const params = outboxSearchSchema.parse(first(await searchParams));
  return (
    <>
      <PageHeader title="Outbox" description={providerNote()} />
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-6">
          <OutboxFilters action="/admin/outbox" params={params} />
          {/* Keyed on the params so a new filter or page shows the skeleton again. */}
          <Suspense key={JSON.stringify(params)} fallback={<Skeleton className="h-96" />}>
            <OutboxList params={params} />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}
