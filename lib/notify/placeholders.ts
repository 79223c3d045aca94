// Placeholders stand in for a message's secret parts (codes, links with
// tokens) in what the outbox stores. They are "cdsecret" and 32 random hex
// digits: letters and digits only, so HTML escaping leaves them alone and they
// can sit inside an href, and unguessable, so nothing typed into a message can
// pose as one. No imports: the record pages mask them too.

const PLACEHOLDER = /cdsecret[0-9a-f]{32}/g;

export const isPlaceholder = (value: string) => /^cdsecret[0-9a-f]{32}$/.test(value);

export const hasPlaceholders = (text: string | null | undefined) => Boolean(text && new RegExp(PLACEHOLDER.source).test(text));

/** Every placeholder in a text replaced by `mask`. */
export function maskPlaceholders(text: string, mask: string): string;
export function maskPlaceholders(text: string | null, mask: string): string | null;
export function maskPlaceholders(text: string | null, mask: string): string | null {
  return text && text.replace(PLACEHOLDER, mask);
}

/** A text cut around its placeholders, for showing each one as a marked-up mask. */
export function splitOnPlaceholders(text: string): ({ text: string } | { placeholder: string })[] {
  const parts: ({ text: string } | { placeholder: string })[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ placeholder: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * A list preview cut at `limit` characters may end inside a placeholder;
 * that stub is dropped, so no fragment of one is ever shown.
 */
export function dropCutPlaceholder(preview: string, limit: number): string {
  if (preview.length < limit || /cdsecret[0-9a-f]{32}$/.test(preview)) return preview;
  return preview.replace(/c(?:d(?:s(?:e(?:c(?:r(?:e(?:t[0-9a-f]{0,31})?)?)?)?)?)?)?$/, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** The same escaping React applies, so a filled-in HTML body equals one rendered with the real values. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

export type MessageContent = { subject: string | null; text: string; html: string | null };

/** Puts the real values back: as they are in the subject and text, HTML-escaped in the HTML. */
export function fillPlaceholders(content: MessageContent, values: Readonly<Record<string, string>>): MessageContent {
  const fill = (text: string, escape: (v: string) => string) => text.replace(PLACEHOLDER, (p) => (Object.hasOwn(values, p) ? escape(values[p]!) : p));
  const same = (v: string) => v;
  return {
    subject: content.subject && fill(content.subject, same),
    text: fill(content.text, same),
    html: content.html && fill(content.html, escapeHtml),
  };
}
