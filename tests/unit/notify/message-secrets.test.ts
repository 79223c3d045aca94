/**
 * @jest-environment node
 */
import { renderEmail } from "@/emails/render";
import { sampleCompany, sampleData } from "@/emails/samples";
import { renderSms } from "@/emails/sms";
import { scrubSecrets, withPlaceholders } from "@/lib/notify/message-secrets";
import { dropCutPlaceholder, fillPlaceholders, maskPlaceholders } from "@/lib/notify/placeholders";
import { open, seal, SecretBoxError } from "@/lib/notify/secret-box";
import { secretFields } from "@/lib/notify/secret-fields";
import type { TemplateData, TemplateName } from "@/lib/notify/templates";

// See tests/support/react-email-render.ts for why Jest needs this.
jest.mock("@react-email/render", () => jest.requireActual("../../support/react-email-render").reactEmailRenderMock);

const names = Object.keys(sampleData) as TemplateName[];
const SECRET = "unit-secret-unit-secret-unit-secret-0123456789";

describe("placeholders in place of codes and links", () => {
  // A query string with & shows the HTML gets the escaped value, as React would write it.
  const withAmpersands = { ...sampleData, invoice: { ...sampleData.invoice, link: "https://app.example.com/i/Xk3vQ9rT2mLp8sWd?utm=a&b='c'" } } satisfies TemplateData;

  it.each(names)("%s: the stored email and SMS, filled in at send time, are exactly what the real values render", async (name) => {
    const data = withAmpersands[name];
    const { data: stored, values } = withPlaceholders(name, data);
    const secrets = Object.values(values);
    expect(secrets.sort()).toEqual(
      secretFields[name]
        .map((f) => (data as Record<string, string>)[f as string])
        .filter(Boolean)
        .sort(),
    );

    const [real, kept] = await Promise.all([renderEmail(name, data, sampleCompany), renderEmail(name, stored, sampleCompany)]);
    for (const secret of secrets) expect(JSON.stringify(kept)).not.toContain(secret);
    expect(fillPlaceholders(kept, values)).toEqual(real);

    const sms = renderSms(name, stored, sampleCompany);
    expect(fillPlaceholders({ subject: null, text: sms, html: null }, values).text).toBe(renderSms(name, data, sampleCompany));
  });

  it("lists, for every template, each field of its sample data that holds a code or a token", () => {
    const looksSecret = (value: unknown) => typeof value === "string" && (/^\d{6}$/.test(value) || /\/(?=[^/]*\d)(?=[^/]*[A-Za-z])[A-Za-z0-9_.-]{16,}$/.test(value));
    for (const name of names) {
      const fields = Object.entries(sampleData[name])
        .filter(([, v]) => looksSecret(v))
        .map(([k]) => k);
      expect({ name, fields: [...secretFields[name]].sort() }).toEqual({ name, fields: fields.sort() });
    }
  });

  it("masks placeholders, and drops one cut off at the end of a list preview", () => {
    const p = `cdsecret${"ab".repeat(16)}`;
    expect(maskPlaceholders(`Pay: ${p} now`, "••••••")).toBe("Pay: •••••• now");
    expect(dropCutPlaceholder(`Pay: ${p}`.slice(0, 20), 20)).toBe("Pay: ");
    expect(dropCutPlaceholder(`Pay: ${p}`, `Pay: ${p}`.length)).toBe(`Pay: ${p}`);
    expect(dropCutPlaceholder("Short and whole c", 300)).toBe("Short and whole c");
  });
});

describe("the secret box", () => {
  it("opens what it sealed, only with the same context and AUTH_SECRET, and never the same way twice", () => {
    const sealed = seal('{"p":"482913"}', "row-1", SECRET);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("482913");
    expect(seal('{"p":"482913"}', "row-1", SECRET)).not.toBe(sealed);
    expect(open(sealed, "row-1", SECRET)).toBe('{"p":"482913"}');
    expect(() => open(sealed, "row-2", SECRET)).toThrow(SecretBoxError);
    expect(() => open(sealed, "row-1", `${SECRET}-rotated`)).toThrow(/AUTH_SECRET changed/);
    const [v, iv, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => open(`${v}.${iv}.${flipped.toString("base64url")}`, "row-1", SECRET)).toThrow(SecretBoxError);
    expect(() => open(`v9.${iv}.${body}`, "row-1", SECRET)).toThrow(/Unknown sealed format/);
  });
});

describe("scrubbing errors", () => {
  it("masks a link as sent, HTML-escaped and URL-encoded, its bare token, and a code", () => {
    const link = "https://app.example.com/reset-password/Jd5sL1pF8gHk4QwE-xyz?a=1&b=2";
    const error = `Refused: "${link}" / ${link.replace("&", "&amp;")} / ${encodeURIComponent(link)} / token Jd5sL1pF8gHk4QwE-xyz / code 482913`;
    const scrubbed = scrubSecrets(error, [link, "482913"]);
    expect(scrubbed).toBe('Refused: "••••••" / •••••• / •••••• / token •••••• / code ••••••');
  });
});
