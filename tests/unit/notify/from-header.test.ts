import { fromAddress, fromHeader } from "@/lib/notify/from-header";
import { parseMailbox } from "../../support/mailbox";

describe("the From header built from the sender name setting", () => {
  it("puts the sender name in front of EMAIL_FROM's address, replacing any display name there", () => {
    expect(fromHeader("Acme Billing", "billing@acme.test")).toBe('"Acme Billing" <billing@acme.test>');
    expect(fromHeader("Acme Billing", "ClientDesk <billing@acme.test>")).toBe('"Acme Billing" <billing@acme.test>');
    expect(fromHeader("Acme Billing", '"Old, Name" <billing@acme.test> ')).toBe('"Acme Billing" <billing@acme.test>');
  });

  it.each([
    ['Smith, "Jr" Billing', '"Smith, \\"Jr\\" Billing" <billing@acme.test>'],
    ["Acme <billing@evil.test>", '"Acme <billing@evil.test>" <billing@acme.test>'],
    ["Back\\slash & Co", '"Back\\\\slash & Co" <billing@acme.test>'],
    ["Ünïcode Café", '"Ünïcode Café" <billing@acme.test>'],
  ])("quotes %j so it stays one name and one address", (name, header) => {
    expect(fromHeader(name, "ClientDesk <billing@acme.test>")).toBe(header);
    expect(parseMailbox(header)).toEqual({ name, address: "billing@acme.test" });
  });

  it("drops line breaks and control characters, so a name can't add a header", () => {
    const header = fromHeader("Acme\r\nBcc: victim@evil.test\t", "billing@acme.test");
    expect(header).toBe('"Acme Bcc: victim@evil.test" <billing@acme.test>');
    expect(header).not.toMatch(/[\r\n]/);
  });

  it("falls back to the bare address when the name is empty", () => {
    expect(fromHeader("  ", "ClientDesk <billing@acme.test>")).toBe("billing@acme.test");
    expect(fromHeader(null, "billing@acme.test")).toBe("billing@acme.test");
    expect(fromAddress("billing@acme.test")).toBe("billing@acme.test");
  });
});
