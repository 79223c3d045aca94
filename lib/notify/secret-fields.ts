import type { TemplateData, TemplateName } from "./templates";

/** The fields of a template's data that hold text (a code, a URL), the only kind that can be secret. */
type TextField<D> = { [K in keyof D]-?: NonNullable<D[K]> extends string ? K : never }[keyof D];

/**
 * The data fields of each template that carry a secret: a one-time code, or
 * a link whose token lets the holder act (sign in, reset a password, decide
 * or accept an invite, open an invoice). The outbox stores them encrypted and
 * drops them once the message is sent (lib/notify/message-secrets.ts).
 *
 * Every template must be listed, so adding one to TemplateData fails the
 * typecheck until someone decides what in it is secret. Links anyone may
 * have (sign-in page, "forgot password") are not secret.
 */
export const secretFields: { readonly [T in TemplateName]: readonly TextField<TemplateData[T]>[] } = {
  invoice: ["link"],
  payment_receipt: ["link"],
  payment_reminder: ["link"],
  payment_refund_due: [],
  reminder_friendly: ["link"],
  reminder_firm: ["link"],
  new_service: [],
  staff_invite_request: ["approveUrl", "rejectUrl"],
  staff_invite_accept: ["acceptUrl"],
  password_reset: ["resetUrl"],
  otp_code: ["code"],
  signup_confirm: ["confirmUrl"],
  signup_existing: [],
  email_change_confirm: ["confirmUrl"],
  email_change_notice: [],
  email_change_taken: [],
  recovery_code_used: [],
  second_factor_reset: [],
  second_factor_changed: [],
};
