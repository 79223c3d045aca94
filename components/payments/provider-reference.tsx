import { Icon } from "@/components/ui/icon";

/** A payment's reference at its card provider; a link to the Stripe dashboard when there is one (live or test keys against Stripe itself). */
export function ProviderReference({ providerRef, url }: { providerRef: string; url: string | null }) {
  const text = <span className="break-all font-mono text-xs">{providerRef}</span>;
  if (!url) return text;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline">
      {text}
      <Icon name="external-link" className="size-3 shrink-0" aria-hidden="true" />
      <span className="sr-only">(opens the Stripe dashboard in a new tab)</span>
    </a>
  );
}
