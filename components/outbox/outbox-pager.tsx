import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { buttonVariants } from "@/components/ui/button";

type SearchParams = Record<string, string | undefined>;

function href(pathname: string, params: SearchParams, cursor: string, dir: "older" | "newer") {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== "cursor" && key !== "dir") next.set(key, value);
  next.set("cursor", cursor);
  next.set("dir", dir);
  return `${pathname}?${next.toString()}`;
}

/** Newer and older links for a keyset-paginated list; the filters stay in the URL. */
export function OutboxPager({ pathname, params, newerCursor, olderCursor }: { pathname: string; params: SearchParams; newerCursor: string | null; olderCursor: string | null }) {
  if (!newerCursor && !olderCursor) return null;
  const step = buttonVariants({ variant: "outline", size: "sm" });
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-between gap-2">
      {newerCursor ? (
        <IntentLink href={href(pathname, params, newerCursor, "newer")} rel="prev" className={step}>
          <Icon name="chevron-left" aria-hidden="true" />
          Newer
        </IntentLink>
      ) : (
        <span aria-disabled="true" className={step}>
          <Icon name="chevron-left" aria-hidden="true" />
          Newer
        </span>
      )}
      {olderCursor ? (
        <IntentLink href={href(pathname, params, olderCursor, "older")} rel="next" className={step}>
          Older
          <Icon name="chevron-right" aria-hidden="true" />
        </IntentLink>
      ) : (
        <span aria-disabled="true" className={step}>
          Older
          <Icon name="chevron-right" aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}
