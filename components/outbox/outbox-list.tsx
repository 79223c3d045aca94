import { listOutbox } from "@/db/queries/outbox";
import { describeOutbox } from "@/db/queries/outbox-about";
import type { OutboxSearch } from "@/lib/validation/outbox";
import { getBusinessTime } from "@/lib/business-time";
import { regionFromLocale } from "@/lib/phone";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { OutboxPager } from "./outbox-pager";
import { OutboxTable } from "./outbox-table";

/** Fetches and renders one page of the outbox; the page streams it behind Suspense. Callers check "outbox:read". */
export async function OutboxList({ params }: { params: OutboxSearch }) {
  const { cursor, dir, ...filters } = params;
  // The days in the filter are the viewer's days.
  const page = await listOutbox({ ...filters, timeZone: await getViewerTimeZone() }, { cursor, direction: dir });
  const about = await describeOutbox(page.rows);
  return (
    <>
      <OutboxTable
        rows={page.rows}
        about={new Map(page.rows.map((r) => [r.id, about.get(r)!]))}
        filtered={Object.values(filters).some(Boolean)}
        region={regionFromLocale((await getBusinessTime()).locale)}
      />
      <OutboxPager pathname="/admin/outbox" params={params} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
    </>
  );
}
