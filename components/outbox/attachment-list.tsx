import { Icon } from "@/components/ui/icon";
import type { OutboxAttachment } from "@/db/schema";

function describe(ref: OutboxAttachment): string {
  switch (ref.kind) {
    case "invoice_pdf":
      return `Invoice PDF: invoice #${ref.invoiceId} at version ${ref.version}`;
    case "receipt_pdf":
      return `Receipt PDF: payment #${ref.paymentId}`;
    default:
      return "Unknown kind of attachment";
  }
}

/** Attachments are references, rendered when the message is sent, so the list shows what each one points at. */
export function AttachmentList({ attachments }: { attachments: OutboxAttachment[] }) {
  if (attachments.length === 0) return <p className="text-sm text-muted-foreground">No attachments.</p>;
  return (
    <ul className="grid gap-2">
      {attachments.map((a, i) => (
        <li key={`${a.kind}-${i}`} className="flex items-start gap-2 text-sm">
          <Icon name="paperclip" className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <span className="min-w-0">
            <span className="break-all font-medium">{a.filename}</span>
            <span className="block text-xs text-muted-foreground">{describe(a)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
