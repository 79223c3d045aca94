import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import type { ClientListRow } from "@/db/queries/clients";
import { regionFromLocale } from "@/lib/phone";
import { shownPhone } from "@/lib/phone-shown";
import { ClientRows } from "./client-rows";

export function ClientTable({ area, rows, filtered, locale }: { area: string; rows: ClientListRow[]; filtered: boolean; locale: string }) {
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={<Icon name="users" />} title="No clients match" description="Try a shorter search, or turn a filter off." />
    ) : (
      <EmptyState icon={<Icon name="users" />} title="No clients yet" description="Add your first client, or import a list from a CSV file." />
    );
  }
  const region = regionFromLocale(locale);
  const shown = rows.map((c) => ({
    id: c.id,
    name: c.name,
    company: c.company,
    email: c.email,
    phone: c.phone ? shownPhone(c.phone, region) : null,
    smsOptIn: c.smsOptIn,
    archived: Boolean(c.archivedAt),
    createdAt: c.createdAt,
    balances: c.balances.map(({ currency, minor, overdue }) => ({ currency, minor, overdue })),
  }));
  return <ClientRows area={area} rows={shown} locale={locale} />;
}
