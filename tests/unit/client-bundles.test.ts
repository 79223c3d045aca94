/**
 * @jest-environment node
 */
import { browserModules, clientModules } from "../support/client-imports";

// The phone metadata (awesome-phonenumber, about 75 kB of gzipped JavaScript)
// goes to the browser only with a phone field. A form that imports its schema
// from a module that also holds a phone schema brought it to pages with no
// phone at all: forgot-password, reset-password, the two-factor code, the
// sign-up and email-change links and the invite acceptance each shipped it.

const PHONE_FIELDS = ["components/forms/phone-input.tsx", "components/phone/country-picker.tsx"];
const clients = clientModules(["app", "components"]);

describe("what a page's client components bring to the browser", () => {
  it("finds the client components, and follows imports through our modules to the packages", () => {
    expect(clients.length).toBeGreaterThan(50);
    const phone = browserModules("components/forms/phone-input.tsx");
    expect(phone).toContain("lib/phone.ts");
    expect(phone).toContain("awesome-phonenumber");
    // A server action is a reference in the browser: its imports stay on the server.
    const forgot = browserModules("components/profile/forgot-password-form.tsx");
    expect(forgot).toContain("lib/actions/profile/request-password-reset.ts");
    expect(forgot).not.toContain("db/index.ts");
    expect(forgot).toContain("zod");
  });

  it("brings the phone metadata only with a phone field", () => {
    const withoutField = clients.filter((file) => {
      const modules = browserModules(file);
      return modules.has("awesome-phonenumber") && !PHONE_FIELDS.some((f) => modules.has(f));
    });
    expect(withoutField).toEqual([]);
  });

  it("keeps it off the public pages' forms that have no phone", () => {
    for (const form of [
      "components/profile/forgot-password-form.tsx",
      "components/profile/reset-password-form.tsx",
      "components/profile/confirm-email-change-form.tsx",
      "components/auth/complete-signup-form.tsx",
      "components/auth/second-step-code-form.tsx",
      "components/invites/accept-invite-form.tsx",
      "components/security/authenticator-app.tsx",
    ]) {
      expect([form, browserModules(form).has("awesome-phonenumber")]).toEqual([form, false]);
    }
    expect(browserModules("components/auth/signup-form.tsx")).toContain("awesome-phonenumber");
  });

  it("loads a page's dialogs on first use: their buttons bring neither zod nor Radix's dialog", () => {
    // Each button is a DeferredPopup (components/ui/deferred-popup.tsx): the dialog is a chunk of its own.
    const buttons = [
      "components/payments/record-payment-dialog.tsx",
      "components/payments/refund-payment-dialog.tsx",
      "components/invoices/email-invoice-dialog.tsx",
      "components/invoices/void-invoice-dialog.tsx",
      "components/invoices/link-actions.tsx",
      "components/reminders/pause-reminders-dialog.tsx",
      "components/portal/email-invoice-dialog.tsx",
      "components/portal/pay-all-dialog.tsx",
      "components/portal/subscribe-dialog.tsx",
    ];
    for (const button of buttons) {
      const modules = browserModules(button);
      const heavy = ["zod", "components/ui/dialog.tsx", "components/ui/alert-dialog.tsx"].filter((m) => modules.has(m));
      expect([button, heavy]).toEqual([button, []]);
    }
    // The dialogs themselves do bring them, so the test would see a wrong-way import.
    expect(browserModules("components/payments/record-payment-popup.tsx")).toContain("zod");
    expect(browserModules("components/invoices/void-invoice-popup.tsx")).toContain("components/ui/alert-dialog.tsx");
  });
});
