import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { countActiveAdmins, listStaff, STAFF_PAGE_SIZE } from "@/db/queries/staff";
import { RelativeTime } from "@/components/time/viewer-time";
import { StaffEditDialog } from "./staff-edit-dialog";
import { ResetSecondFactorButton } from "./reset-second-factor-button";
import { StaffStatusButton } from "./staff-status-button";
import { PhoneNumber } from "@/components/phone/phone-number";
import { getBusinessTime } from "@/lib/business-time";
import { pageCountOf, redirectPastLastPage, type SearchParams } from "@/lib/pagination";
import { regionFromLocale } from "@/lib/phone";
import { readListPage } from "@/lib/validation/fields";

const statusBadge = { active: ["success", "Active"], disabled: ["muted", "Disabled"], invited: ["outline", "Invited"], pending_approval: ["outline", "Pending"] } as const;

/** Admins and staff, for /admin/staff. Callers check "staff:manage". */
export async function StaffIndex({ currentUserId, searchParams }: { currentUserId: number; searchParams: SearchParams }) {
  const page = readListPage(searchParams.page);
  const [{ locale }, { rows, total }, activeAdmins] = await Promise.all([getBusinessTime(), listStaff(page), countActiveAdmins()]);
  redirectPastLastPage({ page, total, pageSize: STAFF_PAGE_SIZE, pathname: "/admin/staff", searchParams });
  const region = regionFromLocale(locale);
  return (
    <>
      <PageHeader
        title="Staff"
        description="Who works in the back office. Disabling someone signs them out at once; ClientDesk always keeps at least one active admin."
        actions={
          <Button asChild>
            <IntentLink href="/admin/invites">
              <Icon name="user-plus" aria-hidden="true" />
              Invite staff
            </IntentLink>
          </Button>
        }
      />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <Table aria-label="Staff">
            <TableHeader>
              <TableRow>
                <TableHead>Person</TableHead>
                <TableHead className="hidden md:table-cell">Phone</TableHead>
                <TableHead className="hidden sm:table-cell">Role</TableHead>
                <TableHead className="hidden sm:table-cell">Status</TableHead>
                <TableHead className="hidden lg:table-cell">Last sign-in</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((m) => {
                const [variant, label] = statusBadge[m.status];
                const isSelf = m.id === currentUserId;
                const lastAdmin = m.role === "admin" && m.status === "active" && activeAdmins <= 1;
                return (
                  <TableRow key={m.id}>
                    <TableCell className="max-w-64">
                      <p className="font-medium">
                        {m.name}
                        {isSelf && <span className="font-normal text-muted-foreground"> (you)</span>}
                      </p>
                      <p className="truncate text-xs text-muted-foreground">{m.email}</p>
                      <div className="mt-1 flex gap-1 sm:hidden">
                        <Badge variant={m.role === "admin" ? "default" : "secondary"}>{m.role === "admin" ? "Admin" : "Staff"}</Badge>
                        <Badge variant={variant}>{label}</Badge>
                      </div>
                    </TableCell>
                    <TableCell className="hidden whitespace-nowrap text-xs tabular-nums md:table-cell">
                      {m.phone ? <PhoneNumber value={m.phone} region={region} /> : <span className="text-muted-foreground">—</span>}
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <Badge variant={m.role === "admin" ? "default" : "secondary"}>{m.role === "admin" ? "Admin" : "Staff"}</Badge>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <Badge variant={variant}>{label}</Badge>
                    </TableCell>
                    <TableCell className="hidden whitespace-nowrap text-sm lg:table-cell">
                      {m.lastLoginAt ? <RelativeTime value={m.lastLoginAt} /> : <span className="text-muted-foreground">Never</span>}
                    </TableCell>
                    <TableCell>
                      <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                        <StaffEditDialog member={m} isSelf={isSelf} />
                        {!isSelf && m.hasSecondFactor && <ResetSecondFactorButton member={m} />}
                        {lastAdmin ? (
                          <span className="self-center px-2 text-xs text-muted-foreground" title="The last active admin can't be disabled">
                            Last admin
                          </span>
                        ) : (
                          <StaffStatusButton member={m} isSelf={isSelf} />
                        )}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Pagination page={page} pageCount={pageCountOf(total, STAFF_PAGE_SIZE)} total={total} pageSize={STAFF_PAGE_SIZE} pathname="/admin/staff" searchParams={searchParams} className="mt-4" />
        </CardContent>
      </Card>
    </>
  );
}
