// `npm run email:preview`: renders every email template with sample data to
// tests/.artifacts/email-preview/ (open index.html in a browser) and prints
// every SMS text with its length.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderEmail } from "@/emails/render";
import { sampleCompany, sampleData } from "@/emails/samples";
import { renderSms, smsSegments } from "@/emails/sms";
import type { TemplateName } from "@/lib/notify/templates";

const out = path.join(process.cwd(), "tests", ".artifacts", "email-preview");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

async function main() {
  mkdirSync(out, { recursive: true });
  const names = Object.keys(sampleData) as TemplateName[];
  const links: string[] = [];
  for (const name of names) {
    const email = await renderEmail(name, sampleData[name], sampleCompany);
    writeFileSync(path.join(out, `${name}.html`), email.html);
    writeFileSync(path.join(out, `${name}.txt`), `Subject: ${email.subject}\n\n${email.text}\n`);
    links.push(`<li><a href="${name}.html">${escape(email.subject)}</a> (<a href="${name}.txt">text</a>)</li>`);
  }
  writeFileSync(path.join(out, "index.html"), `<!doctype html><meta charset="utf-8"><title>Email previews</title><h1>Email previews</h1><ul>${links.join("")}</ul>`);
  console.log(`Wrote ${names.length} emails (HTML and text) to ${path.relative(process.cwd(), out)}/; open index.html.\n\nSMS texts:`);
  for (const name of names) {
    const text = renderSms(name, sampleData[name], sampleCompany);
    const { length, segments, encoding } = smsSegments(text);
    console.log(`\n${name} (${length} chars, ${encoding}, ${segments} segment${segments === 1 ? "" : "s"}):\n  ${text}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
