/**
 * @jest-environment node
 */
import { browserModules, clientModules } from "../support/client-imports";

// The phone metadata (awesome-phonenumber, about 75 kB of gzipped JavaScript)
// and zod (about 27 kB) load when a form is first used, not with its page: the
// phone field draws from a small table of countries (lib/phone-regions.ts) and
// loads lib/phone when focus or the pointer reaches it, and a form on a page
// hands useValidatedAction a loader for its schema. Before, a form importing
// its schema brought both: sign-up, the client form and the profile shipped
// the metadata, and every public form shipped zod.

const clients = clientModules(["app", "components"]);

// Forms on pages (not in a dialog loaded on first use) whose checks load on first use.
const PAGE_FORMS = [
  "components/auth/signup-form.tsx",
  "components/auth/complete-signup-form.tsx",
  "components/auth/second-step-code-form.tsx",
  "components/auth/two-factor-form.tsx",
  "components/profile/forgot-password-form.tsx",
  "components/profile/reset-password-form.tsx",
  "components/profile/confirm-email-change-form.tsx",
  "components/profile/profile-form.tsx",
  "components/profile/password-form.tsx",
  "components/profile/two-factor-settings.tsx",
  "components/invites/accept-invite-form.tsx",
  "components/invites/invite-request-form.tsx",
  "components/security/authenticator-app.tsx",
  "components/clients/client-form.tsx",
  "components/portal/billing-details-form.tsx",
  "components/portal/pay-form.tsx",
  "components/services/service-form.tsx",
  "components/settings/settings-form.tsx",
  "components/reminders/reminder-schedule-form.tsx",
  "components/invoices/invoice-form.tsx",
];

describe("what a page's client components bring to the browser", () => {
  it("finds the client components, and follows imports through our modules to the packages", () => {
    expect(clients.length).toBeGreaterThan(50);
    const staffDialog = browserModules("components/staff/staff-edit-popup.tsx");
    expect(staffDialog).toContain("lib/phone.ts");
    expect(staffDialog).toContain("awesome-phonenumber");
    expect(staffDialog).toContain("zod");
    // A server action is a reference in the browser: its imports stay on the server.
    const forgot = browserModules("components/profile/forgot-password-form.tsx");
    expect(forgot).toContain("lib/actions/profile/request-password-reset.ts");
    expect(forgot).not.toContain("db/index.ts");
  });

  it("brings the phone metadata to no page: only to a dialog, which loads on first use", () => {
    const withMetadata = clients.filter((file) => browserModules(file).has("awesome-phonenumber"));
    expect(withMetadata.filter((file) => !file.endsWith("-popup.tsx"))).toEqual([]);
    const field = browserModules("components/forms/phone-input.tsx");
    expect(field).toContain("lib/phone-regions.ts");
    expect(field).not.toContain("lib/phone.ts");
    // Its country list (Radix's popover) loads on the first click, too.
    expect(field).not.toContain("radix-ui");
    expect(browserModules("components/phone/country-picker-popup.tsx")).toContain("radix-ui");
  });

  it("loads a page form's checks on first use: neither zod nor the phone metadata comes with the page", () => {
    for (const form of PAGE_FORMS) {
      const modules = browserModules(form);
      const heavy = ["zod", "awesome-phonenumber"].filter((m) => modules.has(m));
      expect([form, heavy]).toEqual([form, []]);
    }
  });

  it("loads the WebAuthn helper with a passkey's first use, not with the sign-in page or the profile", () => {
    for (const file of ["components/auth/passkey-button.tsx", "components/security/passkeys-section.tsx"]) {
      expect([file, browserModules(file).has("@simplewebauthn/browser")]).toEqual([file, false]);
    }
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
      "components/security/confirm-password-dialog.tsx",
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
