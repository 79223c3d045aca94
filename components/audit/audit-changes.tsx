import { LocalTime } from "@/components/time/viewer-time";
import { plural } from "@/lib/plural";
import { entryCurrency, fieldLabel, formatAuditValue, type AuditFormat, type AuditValue } from "./audit-values";

type Data = Record<string, unknown> | null;

function Value({ value }: { value: AuditValue }) {
  return "at" in value ? <LocalTime value={value.at} /> : <>{value.text}</>;
}

/** The fields an entry touched, for the summary line: "Price, Active" or "Name, Email and 3 more". */
export function changedFields(before: Data, after: Data): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
}

function summary(keys: string[]): string {
  const names = [...new Set(keys.map(fieldLabel))];
  if (names.length <= 3) return names.join(", ");
  return `${names.slice(0, 2).join(", ")} and ${plural(names.length - 2, "more field", "more fields")}`;
}

/**
 * Before and after, field by field, folded under a summary of what changed:
 * a change shows both values, a creation only the new ones. Labels and values
 * read as people write them ("Price $30.00 → $35.50").
 */
export function AuditChanges({ before, after, format, open = false }: { before: Data; after: Data; format: AuditFormat; open?: boolean }) {
  const keys = changedFields(before, after);
  if (keys.length === 0) return null;
  const currency = entryCurrency(before, after, format.currency);
  return (
    <details className="group mt-1 text-xs" open={open}>
      <summary className="cursor-pointer text-muted-foreground hover:text-foreground">
        <span className="font-medium text-primary">{before ? "Changes" : "Details"}</span>: {summary(keys)}
      </summary>
      <dl className="mt-2 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1">
        {keys.map((key) => (
          <div key={key} className="contents">
            <dt className="font-medium text-muted-foreground">{fieldLabel(key)}</dt>
            <dd className="min-w-0 break-words">
              {before && key in before ? (
                <>
                  <del className="text-muted-foreground decoration-destructive/60">
                    <Value value={formatAuditValue(key, before[key], format, currency)} />
                  </del>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> changed to </span>
                  <ins className="no-underline">{after && key in after ? <Value value={formatAuditValue(key, after[key], format, currency)} /> : "—"}</ins>
                </>
              ) : (
                <Value value={formatAuditValue(key, after?.[key], format, currency)} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
