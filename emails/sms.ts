// SMS texts, one per template. Plain ASCII (GSM-7) keeps a message to one
// 160-character segment; a curly quote or dash would switch the whole text to
// UCS-2, where a segment holds only 70 characters.
import type { TemplateData, TemplateName } from "@/lib/notify/templates";
import { day, dayOf, intervalLabel, plural, smsMoney } from "./format";
import type { EmailCompany } from "./layout";
import { reminderSms } from "./scheduled-reminder";
import { secondFactorChangeSms } from "./second-factor-changed";

type SmsTemplates = { [T in TemplateName]: (data: TemplateData[T], company: EmailCompany) => string };

const smsTemplates: SmsTemplates = {
  invoice: (d, c) => `${c.name}: invoice ${d.invoiceNumber} for ${smsMoney(d.balanceMinor, d.currency, c)} is due ${day(d.dueDate, c)}. View and pay: ${d.link}`,
  payment_receipt: (d, c) =>
    `${c.name}: we received ${smsMoney(d.amountMinor, d.currency, c)} for ${d.invoiceNumber}, thank you. ` +
    (d.balanceMinor === 0 ? "Paid in full." : `Balance left: ${smsMoney(d.balanceMinor, d.currency, c)}.`),
  payment_reminder: (d, c) =>
    `${c.name}: invoice ${d.invoiceNumber} has ${smsMoney(d.balanceMinor, d.currency, c)} due ` +
    (d.daysOverdue > 0 ? `(${plural(d.daysOverdue, "day")} overdue).` : `${day(d.dueDate, c)}.`) +
    (d.link ? ` Pay: ${d.link}` : ""),
  payment_refund_due: (d, c) => `${c.name}: a card payment of ${smsMoney(d.amountMinor, d.currency, c)} on ${d.invoiceNumber} could not be applied and needs a refund. ${d.paymentsUrl}`,
  reminder_friendly: (d, c) => reminderSms("friendly", d, c),
  reminder_firm: (d, c) => reminderSms("firm", d, c),
  new_service: (d, c) => `${c.name}: new service ${d.serviceName}, ${smsMoney(d.priceMinor, d.currency, c)} ${intervalLabel(d.interval)}. Reply STOP to opt out.`,
  staff_invite_request: (d, c) => `${c.name}: ${d.requestedBy} asked to invite ${d.inviteeName} as staff. Review: ${d.approveUrl}`,
  staff_invite_accept: (d, c) => `${c.name}: you are invited to join as staff. Accept by ${dayOf(d.expiresAt, c)}: ${d.acceptUrl}`,
  password_reset: (d, c) => `${c.name}: reset your password at ${d.resetUrl} (ignore this if you did not ask).`,
  otp_code: (d, c) => `${d.code} is your ${c.name} code. It expires in ${d.minutes} minutes. Never share it.`,
  // Sign-up mail is email-only; these texts exist so every template has one.
  signup_confirm: (d, c) => `${c.name}: finish creating your account at ${d.confirmUrl}`,
  signup_existing: (d, c) => `${c.name}: you already have an account. Sign in at ${d.signInUrl}`,
  // Email changes are email-only too.
  email_change_confirm: (d, c) => `${c.name}: confirm your new email at ${d.confirmUrl}`,
  email_change_notice: (d, c) => `${c.name}: someone asked to change your sign-in email to ${d.newEmail}. Not you? Reset your password: ${d.resetUrl}`,
  email_change_taken: (d, c) => `${c.name}: this address already has an account, so nothing was changed. Sign in at ${d.signInUrl}`,
  // Sign-in security notices are email-only too.
  recovery_code_used: (d, c) => `${c.name}: a recovery code was used to sign in to your account (${plural(d.codesLeft, "code")} left). Not you? Reset your password: ${d.resetUrl}`,
  second_factor_reset: (d, c) => `${c.name}: ${d.resetBy} reset your two-step sign-in. Sign in at ${d.signInUrl} to set it up again.`,
  second_factor_changed: (d, c) => `${c.name}: ${secondFactorChangeSms[d.change]}. Not you? Reset your password: ${d.resetUrl}`,
};

export function renderSms<T extends TemplateName>(template: T, data: TemplateData[T], company: EmailCompany): string {
  const text = (smsTemplates[template] as SmsTemplates[T])(data, company);
  return text.replace(/\s+/g, " ").trim();
}

const GSM_BASIC = /^[A-Za-z0-9 @$_!"#%&'()*+,\-./:;<=>?\n\r£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿¡äöñüà]$/;
const GSM_EXTENDED = /^[\^{}\\[\]~|€]$/;

/** Segments a text takes: 160 characters in GSM-7 (extension characters count twice), 70 once any character needs UCS-2. */
export function smsSegments(text: string): { encoding: "GSM-7" | "UCS-2"; length: number; segments: number } {
  const chars = [...text];
  const gsm = chars.every((ch) => GSM_BASIC.test(ch) || GSM_EXTENDED.test(ch));
  const length = gsm ? chars.reduce((n, ch) => n + (GSM_EXTENDED.test(ch) ? 2 : 1), 0) : chars.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return { encoding: gsm ? "GSM-7" : "UCS-2", length, segments: length <= single ? 1 : Math.ceil(length / multi) };
}
