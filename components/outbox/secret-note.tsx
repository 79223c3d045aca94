import { Icon } from "@/components/ui/icon";
import type { OutboxChannel, OutboxStatus } from "@/db/schema";
import type { SecretState } from "@/lib/notify/outbox-view";

/** The words beside each masked code or link; null when they are shown in full or there are none. */
export function maskLabel(state: SecretState, status: OutboxStatus): string | null {
  switch (state) {
    case "encrypted":
      return "encrypted until sent";
    case "removed":
      return status === "sent" ? "removed after sending" : "removed";
    case "unreadable":
      return "can't be decrypted";
    default:
      return null;
  }
}

const removedBecause: Partial<Record<OutboxStatus, string>> = {
  sent: "Its one-time codes and links were encrypted until it was sent, and removed once it was sent.",
  dead: "Its one-time codes and links were removed when it failed for good, so it can't be sent again. Ask for a new code or link instead.",
};

function explain(state: SecretState, status: OutboxStatus, channel: OutboxChannel): { title: string; body: string } | null {
  const provider = channel === "email" ? "email" : "SMS";
  switch (state) {
    case "shown":
      return {
        title: "Capture mode: codes and links shown in full",
        body: `No ${provider} provider was configured, so this message was captured here instead of being sent, and its one-time codes and links are shown as they would have been sent. With a provider configured, they are encrypted until it is sent, then removed.`,
      };
    case "encrypted":
      return { title: "Codes and links hidden", body: "Its one-time codes and links are encrypted until it is sent, then removed. They are never shown here." };
    case "removed":
      return { title: "Codes and links removed", body: removedBecause[status] ?? "Its one-time codes and links were removed by the retention job." };
    case "unreadable":
      return { title: "Codes and links can't be decrypted", body: "They were encrypted with another AUTH_SECRET than the one this server has now." };
    default:
      return null;
  }
}

/** Why the codes and links of this message are shown, or hidden. */
export function SecretNote({ state, status, channel }: { state: SecretState; status: OutboxStatus; channel: OutboxChannel }) {
  const note = explain(state, status, channel);
  if (!note) return null;
  return (
    <div role="note" className={state === "shown" ? "rounded-md border border-warning/50 bg-warning/10 p-3 text-sm" : "rounded-md border bg-muted/40 p-3 text-sm"}>
      <p className="flex items-center gap-2 font-semibold">
        <Icon name={state === "shown" ? "flask-conical" : "lock-keyhole"} className="size-4 shrink-0" aria-hidden="true" />
        {note.title}
      </p>
      <p className="mt-1 text-muted-foreground">{note.body}</p>
    </div>
  );
}
