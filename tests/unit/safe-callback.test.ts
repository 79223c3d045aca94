import { CALLBACK_MAX_LENGTH, safeCallback } from "@/lib/validation/auth";

// Where the browser goes after sign-in. Whatever the string, the answer is a
// path on our own origin: the callback itself when, once parsed the way a
// browser parses it, it is one; otherwise "/", which sends each role home.

const ORIGIN = "https://app.example";

/** What a browser does with the answer: resolve it against our origin. */
const landing = (path: string) => new URL(path, ORIGIN);

describe("safeCallback keeps a sign-in on our origin", () => {
  it.each([
    ["/portal/invoices", "/portal/invoices"],
    ["/admin/invoices?status=sent&page=2", "/admin/invoices?status=sent&page=2"],
    ["/staff/clients#top", "/staff/clients#top"],
    // Parsed, not just checked: the normalised form is what we answer.
    ["/portal/./invoices/../invoices", "/portal/invoices"],
    ["/staff/clients?q=a b", "/staff/clients?q=a%20b"],
    // Percent-encoded slashes are not separators after parsing: this is the
    // path "/%2F%2Fevil" on our own site (a 404 page), never another host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5C%5Cevil.example", "/%5C%5Cevil.example"],
  ])("keeps the same-origin path %p as %p", (input, expected) => {
    expect(safeCallback(input)).toBe(expected);
    expect(landing(safeCallback(input)).origin).toBe(ORIGIN);
  });

  it.each([
    ["a tab, which the browser drops", "/\t/evil.example/"],
    ["a line feed, which the browser drops (and which broke the Location header)", "/\n/evil.example/"],
    ["a carriage return", "/\r/evil.example/"],
    ["a NUL byte", "/portal\u0000"],
    ["another control character", "/portal\u001b[2J"],
    ["DEL", "/portal\u007f"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/portal"],
    ["a slash then a backslash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["escaped-looking backslashes", "\\/\\/evil.example"],
    ["a backslash later in the path", "/portal\\..\\..\\evil"],
    ["a dot segment that leaves two slashes", "/..//evil.example"],
    ["a dot segment that leaves two slashes, encoded", "/%2e%2e//evil.example"],
    ["another origin", "https://evil.example/"],
    ["our own origin spelled out (only paths are followed)", `${ORIGIN}/portal`],
    ["a scheme-relative https URL", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "portal/invoices"],
    ["leading whitespace, which the parser strips", " //evil.example"],
    ["an empty string", ""],
    ["a very long path", `/${"a".repeat(CALLBACK_MAX_LENGTH)}`],
  ])("drops %s", (_what, input) => {
    expect(safeCallback(input)).toBe("/");
  });

  it.each([undefined, null, 42, true, ["/portal", "//evil.example"], { href: "/portal" }])("drops a value that is not one string: %p", (input) => {
    expect(safeCallback(input)).toBe("/");
  });

  it("never answers anything a browser would take off our origin, whatever it is given", () => {
    const pieces = ["/", "//", "\\", "\t", "\n", "\r", " ", "%2F", "%5C", "%09", "..", ".", "evil.example", "@", ":", "?", "#", "https:", "javascript:", "\u3000", "\uff0f"];
    let seed = 7;
    const pick = () => pieces[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length]!;
    for (let i = 0; i < 5000; i++) {
      const input = Array.from({ length: 1 + (i % 7) }, pick).join("");
      const out = safeCallback(input);
      expect(out.startsWith("/")).toBe(true);
      expect(out.startsWith("//")).toBe(false);
      expect(out).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      expect(landing(out).origin).toBe(ORIGIN);
      // Answering its own answer changes nothing: what we send is what the browser reads.
      expect(safeCallback(out)).toBe(out);
    }
  });
});
