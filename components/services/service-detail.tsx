import { notFound } from "next/navigation";
import { AuditTimeline } from "@/components/audit/audit-timeline";
import { MessageList } from "@/components/messages/message-list";
import { PageHeader } from "@/components/shell/page-header";
import { LocalTime } from "@/components/time/viewer-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { listAuditFor } from "@/db/queries/audit";
import { listMessagesFor } from "@/db/queries/outbox";
import { getService } from "@/db/queries/services";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getBusinessTime } from "@/lib/business-time";
import { formatMoney } from "@/lib/money";
import { intervalLabels } from "@/lib/validation/choices";
import { DeleteServiceCard, ServiceArchiveAction } from "./service-admin-actions";

/** One service, for /admin/services/[id] and /staff/services/[id]. Callers check "services:read". */
export async function ServiceDetail({ area, id, user }: { area: string; id: number; user: CurrentUser }) {
  const service = await getService(id);
  if (!service) notFound();
  const [messages, history, { locale }] = await Promise.all([listMessagesFor({ type: "service", id }), listAuditFor("service", id), getBusinessTime()]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <IntentLink href={`${area}/services`} className="underline-offset-4 hover:underline">
          Services
        </IntentLink>
      </nav>
      <PageHeader
        title={service.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {formatMoney(service.priceMinor, service.currency, locale)} · {intervalLabels[service.interval]}
            </span>
            {service.archivedAt ? <Badge variant="muted">Archived</Badge> : service.active ? <Badge variant="success">Active</Badge> : <Badge variant="outline">Inactive</Badge>}
          </span>
        }
        actions={
          <>
            <Button variant="outline" asChild>
              <IntentLink href={`${area}/services/${id}/edit`}>
                <Icon name="pencil" aria-hidden="true" />
                Edit
              </IntentLink>
            </Button>
            <ServiceArchiveAction
              service={{ id, name: service.name, archived: Boolean(service.archivedAt), activeSubscriptions: service.activeSubscriptions }}
              canArchive={can(user.role, "services:archive")}
            />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>About this service</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 text-sm">
            <p className="whitespace-pre-line">{service.description ?? <span className="text-muted-foreground">No description.</span>}</p>
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Active subscriptions</dt>
                <dd className="mt-1 text-lg font-semibold tabular-nums">{service.activeSubscriptions}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Created</dt>
                <dd className="mt-1">
                  <LocalTime value={service.createdAt} show="date" />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Announcements sent</dt>
                <dd className="mt-1 text-lg font-semibold tabular-nums">{messages.length}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>History</CardTitle>
          </CardHeader>
          <CardContent>
            <AuditTimeline entries={history} />
          </CardContent>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Announcements</CardTitle>
          <CardDescription>The SMS sent to clients who agreed to texts when this service went live.</CardDescription>
        </CardHeader>
        <CardContent>
          <MessageList
            messages={messages}
            outboxHref={can(user.role, "outbox:read") ? (mid) => `/admin/outbox/${mid}` : undefined}
            emptyText="Nothing was sent for this service. Creating or switching on an active service texts the clients who agreed to SMS."
          />
        </CardContent>
      </Card>
      {can(user.role, "services:delete") && (
        <div className="mt-6">
          <DeleteServiceCard area={area} service={{ id, name: service.name }} hasHistory={service.hasHistory} />
        </div>
      )}
    </>
  );
}
