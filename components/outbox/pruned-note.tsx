import { LocalTime } from "@/components/time/viewer-time";

/** Said in place of the text of a message the retention job emptied. */
export function PrunedNote({ at, days }: { at: Date; days: number }) {
  return (
    <p className="text-sm text-muted-foreground">
      Its text was removed on <LocalTime value={at} /> by the retention job, which empties messages finished more than {days} days ago. The envelope and the attempts stay.
    </p>
  );
}
