type Data = Record<string, unknown> | null;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Before and after, field by field: a change shows both, a creation only the new values. */
export function AuditChanges({ before, after }: { before: Data; after: Data }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return null;
  return (
    <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-1 text-xs">
      {keys.map((key) => {
        const was = before?.[key];
        const now = after?.[key];
        return (
          <div key={key} className="contents">
            <dt className="font-medium text-muted-foreground">{key}</dt>
            <dd className="min-w-0 break-words">
              {before && key in before ? (
                <>
                  <del className="text-muted-foreground decoration-destructive/60">{show(was)}</del>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> changed to </span>
                  <ins className="no-underline">{after && key in after ? show(now) : "—"}</ins>
                </>
              ) : (
                show(now)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
