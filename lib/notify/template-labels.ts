import type { TemplateName } from "./templates";

// What each template is, for people reading the outbox ("Payment reminder", not "payment_reminder").
const labels: Record<TemplateName, string> = {
  invoice: "Invoice",
  payment_receipt: "Payment receipt",
  payment_reminder: "Payment reminder",
  payment_refund_due: "Card payment to refund",
  reminder_friendly: "Payment reminder (friendly)",
  reminder_firm: "Payment reminder (firm)",
  new_service: "New service",
  staff_invite_request: "Staff invite request",
  staff_invite_accept: "Staff invite",
  password_reset: "Password reset",
  otp_code: "Sign-in code",
  signup_confirm: "Sign-up confirmation",
  signup_existing: "Sign-up (already registered)",
  email_change_confirm: "Email change confirmation",
  email_change_notice: "Email change notice",
  email_change_taken: "Email change (address taken)",
  recovery_code_used: "Recovery code used",
  second_factor_reset: "Two-step sign-in reset",
  second_factor_changed: "Two-step sign-in changed",
};

/** The template's name for people; a template this build doesn't know is spelled out from its key. */
export function templateLabel(template: string): string {
  if (template in labels) return labels[template as TemplateName];
  const spaced = template.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
