// The scheduled reminder email rendered once per tone and company with
// markers in place of each invoice's strings, then filled in per invoice: a
// React render costs milliseconds, and the daily run may queue thousands.
// Filling escapes values the way React does, so the result equals a direct
// render (tests/unit/scheduled-reminder-stencil.test.ts holds it to that).
import { render } from "@react-email/render";
import { createElement } from "react";
import type { ScheduledReminderData } from "@/lib/notify/templates";
import { escapeHtml } from "@/lib/notify/placeholders";
import type { EmailCompany } from "./layout";
import { firmReminderSubject, friendlyReminderSubject, ReminderBody, reminderView, type ReminderTone, type ReminderView } from "./scheduled-reminder";

type Field = keyof ReminderView;
const FIELDS: Field[] = ["preview", "name", "number", "balance", "due", "when", "link"];
// Letters only: HTML escaping and plain-text conversion leave them as they are.
const marker = (f: Field) => `cdstencil${f}mark`;
const MARKERS = new RegExp(FIELDS.map(marker).join("|"), "g");
const fieldOf = new Map(FIELDS.map((f) => [marker(f), f]));

// React Email's <Preview> pads its text to 150 characters with invisible
// characters, so the padding depends on the text: the stencil keeps one
// marker for the text and its padding, and fill() pads the real text alike.
const PREVIEW_MAX = 150;
const PREVIEW_PAD = "\u00a0\u200c\u200b\u200d\u200e\u200f\ufeff";
const previewHtml = (text: string) => {
  const cut = text.substring(0, PREVIEW_MAX);
  return escapeHtml(cut) + (cut.length < PREVIEW_MAX ? `<div>${PREVIEW_PAD.repeat(PREVIEW_MAX - cut.length)}</div>` : "");
};

export type ReminderStencil = { html: string; text: string };

const cache = new Map<string, Promise<ReminderStencil>>();

export function reminderStencil(tone: ReminderTone, company: EmailCompany): Promise<ReminderStencil> {
  const key = JSON.stringify([tone, company]);
  let stencil = cache.get(key);
  if (!stencil) {
    const view = Object.fromEntries(FIELDS.map((f) => [f, marker(f)])) as ReminderView;
    const element = createElement(ReminderBody, { tone, view, company });
    stencil = Promise.all([render(element), render(element, { plainText: true })]).then(([html, text]) => {
      const padded = `${marker("preview")}<div>${PREVIEW_PAD.repeat(PREVIEW_MAX - marker("preview").length)}</div>`;
      if (!html.includes(padded)) throw new Error("The reminder email's preview text is not where the stencil expects it.");
      return { html: html.replace(padded, marker("preview")), text };
    });
    if (cache.size > 50) cache.clear();
    cache.set(key, stencil);
  }
  return stencil;
}

/** The email for one invoice from the stencil: equal to renderEmail(tone's template, data, company). */
export function fillReminder(stencil: ReminderStencil, tone: ReminderTone, data: ScheduledReminderData, company: EmailCompany): { subject: string; html: string; text: string } {
  const view = reminderView(data, company);
  const fill = (s: string, escape: (v: string) => string) =>
    s.replace(MARKERS, (m) => {
      const field = fieldOf.get(m)!;
      return field === "preview" ? previewHtml(view.preview) : escape(view[field]);
    });
  const subject = (tone === "friendly" ? friendlyReminderSubject : firmReminderSubject)(data, company);
  return { subject, html: fill(stencil.html, escapeHtml), text: fill(stencil.text, (v) => v) };
}
