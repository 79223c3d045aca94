import { createTwilioProvider } from "@/lib/notify/providers/twilio";

// The Twilio SDK is loaded with the first text (lib/notify/providers/twilio.ts),
// so the checks it made on its settings at start are made by the provider.
describe("the Twilio provider's settings", () => {
  const good = { accountSid: `AC${"0".repeat(32)}`, authToken: "token", from: "+15005550006" };

  it("refuses an account SID that is not one, when it is made", () => {
    expect(() => createTwilioProvider({ ...good, accountSid: "SK0123" })).toThrow("TWILIO_ACCOUNT_SID must start with AC.");
  });

  it("refuses to send from nowhere", () => {
    expect(() => createTwilioProvider({ ...good, from: undefined })).toThrow(/TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID/);
  });

  it("takes a SID, token and sender without loading anything", () => {
    expect(createTwilioProvider(good).name).toBe("twilio");
  });
});
