import "server-only";
import type { OutboxAttachment } from "@/db/schema";

export type ResolvedAttachment = { filename: string; content: Buffer; contentType: string };

type AttachmentKind = OutboxAttachment["kind"];
type RefOf<K extends AttachmentKind> = Extract<OutboxAttachment, { kind: K }>;
type Rendered = { content: Buffer; contentType: string };
export type AttachmentRenderer<K extends AttachmentKind> = (ref: RefOf<K>) => Promise<Rendered>;

// On globalThis for the same reason as the kick listeners: the worker started
// from instrumentation.ts lives in a different bundle from the app's modules.
const store = globalThis as unknown as { __clientdeskAttachmentRenderers?: Map<AttachmentKind, (ref: OutboxAttachment) => Promise<Rendered>> };
const renderers = (store.__clientdeskAttachmentRenderers ??= new Map());

/**
 * Plugs in the renderer for one kind of attachment, e.g. the invoice PDF
 * module registers "invoice_pdf". Register it from a module that the worker
 * entry points (instrumentation.ts and scripts/worker.ts) import, so the
 * worker has it before its first send. Returns a function that removes it.
 */
export function registerAttachmentRenderer<K extends AttachmentKind>(kind: K, renderer: AttachmentRenderer<K>): () => void {
  // The map is keyed by kind, so a renderer only ever sees references of its own kind.
  const entry = (ref: OutboxAttachment) => renderer(ref as RefOf<K>);
  renderers.set(kind, entry);
  return () => {
    if (renderers.get(kind) === entry) renderers.delete(kind);
  };
}

/**
 * Renders each referenced attachment at send time. A kind with no renderer
 * fails the send with a clear error, so the message is retried (and in the end
 * shown as dead), never sent without its attachment.
 */
export async function resolveAttachments(refs: OutboxAttachment[]): Promise<ResolvedAttachment[]> {
  return Promise.all(
    refs.map(async (ref) => {
      const renderer = renderers.get(ref.kind);
      if (!renderer) throw new Error(`Can't attach ${ref.filename}: no renderer is registered for "${ref.kind}" attachments.`);
      const { content, contentType } = await renderer(ref);
      return { filename: ref.filename, content, contentType };
    }),
  );
}
