import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { INVITE_PAGE_SIZE, inviteState, listInvites, type InviteRow } from "@/db/queries/staff";
import { RelativeTime } from "@/components/time/viewer-time";
import { pageCountOf, redirectPastLastPage, type SearchParams } from "@/lib/pagination";
import { readListPage } from "@/lib/validation/fields";
import { InviteDecisionButtons } from "./invite-decision-buttons";
import { InviteRequestForm } from "./invite-request-form";
import { InviteProgress } from "./invite-progress";
import { InviteStatusBadge } from "./invite-status-badge";

/**
 * Staff invites. Admins see every request and decide pending ones here or from
 * the emailed links; staff see their own requests. Callers check
 * "invites:request"; `canDecide` mirrors "invites:decide". The list is paged
 * with the invites still waiting for a decision first, so no number of newer
 * ones pushes them off page 1. A page shows a group only when it holds some of
 * it, except that page 1 always shows the waiting group and the last page the
 * other, so their empty states still say so.
 */
export async function InvitesIndex({ area, userId, canDecide, searchParams }: { area: string; userId: number; canDecide: boolean; searchParams: SearchParams }) {
  const page = readListPage(searchParams.page);
  const now = new Date();
  const { rows, total } = await listInvites({ requestedBy: canDecide ? undefined : userId, page, now });
  const pathname = `${area}/invites`;
  redirectPastLastPage({ page, total, pageSize: INVITE_PAGE_SIZE, pathname, searchParams });
  const pageCount = pageCountOf(total, INVITE_PAGE_SIZE);
  const withState = rows.map((i) => ({ ...i, state: inviteState(i, now) }));
  const pending = withState.filter((i) => i.state === "pending_approval");
  const rest = canDecide ? withState.filter((i) => i.state !== "pending_approval") : withState;
  return (
    <>
      <PageHeader title="Staff invites" description="A new staff member joins in three steps: someone requests the invite, an admin approves it, and the invitee sets a password." />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Request an invite</CardTitle>
            <CardDescription>Every active admin gets an email with Approve and Reject links.</CardDescription>
          </CardHeader>
          <CardContent>
            <InviteRequestForm />
          </CardContent>
        </Card>
        {canDecide && (page === 1 || pending.length > 0) && (
          <Card>
            <CardHeader>
              <CardTitle>Waiting for approval</CardTitle>
            </CardHeader>
            <CardContent>
              {pending.length === 0 ? (
                <EmptyState icon={<Icon name="mail-plus" />} title="Nothing to decide" description="New invite requests show up here and in your inbox." />
              ) : (
                <InviteTable rows={pending} label="Invites waiting for approval" decide />
              )}
            </CardContent>
          </Card>
        )}
        {(rest.length > 0 || page >= pageCount) && (
          <Card>
            <CardHeader>
              <CardTitle>{canDecide ? "Earlier invites" : "Your requests"}</CardTitle>
            </CardHeader>
            <CardContent>
              {rest.length === 0 ? (
                <EmptyState icon={<Icon name="mail-plus" />} title="No invites yet" description="Invites you request show up here with their progress." />
              ) : (
                <InviteTable rows={rest} label={canDecide ? "Earlier invites" : "Your invite requests"} />
              )}
            </CardContent>
          </Card>
        )}
        <Pagination page={page} pageCount={pageCount} total={total} pageSize={INVITE_PAGE_SIZE} pathname={pathname} searchParams={searchParams} />
      </div>
    </>
  );
}

type Row = InviteRow & { state: ReturnType<typeof inviteState> };

/** `label` names the table, and the box it scrolls in on a phone: the page can hold two. */
function InviteTable({ rows, label, decide }: { rows: Row[]; label: string; decide?: boolean }) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Invitee</TableHead>
          <TableHead className="hidden md:table-cell">Requested by</TableHead>
          <TableHead className="hidden sm:table-cell">Requested</TableHead>
          <TableHead>Status</TableHead>
          {decide && (
            <TableHead className="text-right">
              <span className="sr-only">Decide</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((i) => (
          <TableRow key={i.id}>
            <TableCell className="max-w-64">
              <p className="font-medium">{i.name}</p>
              <p className="truncate text-xs text-muted-foreground">{i.email}</p>
            </TableCell>
            <TableCell className="hidden md:table-cell">{i.requestedBy}</TableCell>
            <TableCell className="hidden whitespace-nowrap sm:table-cell">
              <RelativeTime value={i.createdAt} />
            </TableCell>
            <TableCell>
              <InviteStatusBadge state={i.state} />
              <InviteProgress invite={i} />
            </TableCell>
            {decide && (
              <TableCell>
                <InviteDecisionButtons invite={i} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
