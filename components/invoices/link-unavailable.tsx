import { Icon } from "@/components/ui/icon";

/** The clear page for a link that expired or was turned off, with who to ask for a new one. */
export function LinkUnavailable({ reason, companyName, companyEmail }: { reason: "expired" | "revoked"; companyName: string; companyEmail: string | null }) {
  const title = reason === "expired" ? "This invoice link has expired" : "This invoice link has been turned off";
  const detail = reason === "expired" ? "Invoice links work for a limited time, to keep your invoices private." : `${companyName} turned this link off, usually because a newer one was sent.`;
  return (
    <div className="mx-auto max-w-md rounded-lg border bg-card p-8 text-center shadow-sm">
      <div className="mx-auto grid size-12 place-items-center rounded-full bg-muted text-muted-foreground" aria-hidden="true">
        <Icon name="link" className="size-6" />
      </div>
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{detail}</p>
      <p className="mt-4 text-sm">
        Ask {companyName} for a new link
        {companyEmail ? (
          <>
            {" "}
            at{" "}
            <a className="font-medium text-primary underline-offset-4 hover:underline" href={`mailto:${companyEmail}`}>
              {companyEmail}
            </a>
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
