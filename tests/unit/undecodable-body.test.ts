/**
 * @jest-environment node
 */
import { refuseUndecodableBody } from "@/lib/http/undecodable-body";

// What the request proxy would answer for a POST body Next.js can't decode
// (Next itself answers those with 500).

const action = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://app.example/login", { method: "POST", body, headers: { "next-action": "7feb45", ...headers } });

const multipart = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("refuseUndecodableBody", () => {
  it.each([
    ["broken JSON", action("{not json", { "content-type": "text/plain;charset=UTF-8" })],
    ["an empty body", action("", { "content-type": "text/plain;charset=UTF-8" })],
    ["NUL bytes", action("\u0000\u0000", { "content-type": "application/json" })],
    ["multipart with a broken boundary", action("garbage", { "content-type": "multipart/form-data; boundary=XYZ" })],
    ["a numbered multipart part of broken JSON", action(multipart({ "0": "{not json" }))],
    ["a reference to a part a plain body can't have", action('["$undefined","$Q9"]', { "content-type": "text/plain;charset=UTF-8" })],
    ["a bare reference in a plain body", action('["$1"]', { "content-type": "text/plain;charset=UTF-8" })],
    ["a reference that isn't a hex id", action('["$Qzz"]', { "content-type": "text/plain;charset=UTF-8" })],
    ["a multipart reference to a missing part", action(multipart({ "0": '["$@a"]', "1": "{}" }))],
    ["a missing part referenced from a referenced part", action(multipart({ "0": '["$1"]', "1": '{"x":"$Q2"}' }))],
    ["broken multipart with no action header", new Request("http://app.example/login", { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=XYZ" } })],
  ])("answers 400 for %s", async (_what, request) => {
    const refused = await refuseUndecodableBody(request);
    expect(refused?.status).toBe(400);
  });

  it("answers 413 for a body over the limit, declared or not", async () => {
    expect((await refuseUndecodableBody(action("[1]".padEnd(2000, " "), { "content-type": "text/plain" }), 1000))?.status).toBe(413);
  });

  it.each([
    ["an action's JSON arguments", action('["$undefined",{"email":"a@example.com"}]', { "content-type": "text/plain;charset=UTF-8" })],
    ["an action's multipart arguments with plain form fields", action(multipart({ "0": '["$K1"]', "1_email": "not json at all" }))],
    ["inline values and escaped dollars", action('["$undefined","$$5.00","$D2026-12-04T00:00:00.000Z","$n12","$-0","$NaN","$Infinity"]', { "content-type": "text/plain" })],
    ["multipart references to parts that are there", action(multipart({ "0": '["$Q1","$@a","$1:name"]', "1": "[]", "10": '"x"' }))],
    ["a plain form POST", new Request("http://app.example/login", { method: "POST", body: "a=%ZZ", headers: { "content-type": "application/x-www-form-urlencoded" } })],
    ["a GET", new Request("http://app.example/login", { headers: { "next-action": "x" } })],
  ])("lets %s through", async (_what, request) => {
    expect(await refuseUndecodableBody(request)).toBeNull();
  });

  it("leaves the body readable for Next", async () => {
    const request = action('["$undefined"]', { "content-type": "text/plain" });
    expect(await refuseUndecodableBody(request)).toBeNull();
    expect(await request.text()).toBe('["$undefined"]');
  });
});
