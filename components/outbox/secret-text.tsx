import { Fragment } from "react";
import { splitOnPlaceholders } from "@/lib/notify/placeholders";

/** One hidden code or link: dots and why it is hidden, read out as "hidden: <why>". */
function SecretMask({ label }: { label: string }) {
  return (
    <span className="whitespace-nowrap rounded border border-dashed border-muted-foreground/60 px-1 font-sans text-muted-foreground">
      <span className="sr-only">hidden: </span>
      <span aria-hidden="true">••••••</span> {label}
    </span>
  );
}

/** A stored text with each placeholder shown as a mask; with no mask label, as it is. */
export function SecretText({ text, mask }: { text: string; mask: string | null }) {
  if (!mask) return text;
  return splitOnPlaceholders(text).map((part, i) => <Fragment key={i}>{"text" in part ? part.text : <SecretMask label={mask} />}</Fragment>);
}
